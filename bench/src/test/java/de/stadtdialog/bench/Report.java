package de.stadtdialog.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The benchmark's output: printed as it goes and written to a file at the end. */
public final class Report {

    private final StringBuilder text = new StringBuilder();

    public void line(String format, Object... args) {
        String line = args.length == 0 ? format : String.format(format, args);
        System.out.println(line);
        System.out.flush();
        text.append(line).append('\n');
    }

    public void heading(String title) {
        line("");
        line("== " + title + " ==");
    }

    public Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.toString());
        return file;
    }
}
