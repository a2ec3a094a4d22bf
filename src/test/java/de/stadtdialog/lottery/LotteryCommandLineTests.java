package de.stadtdialog.lottery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LotteryCommandLineTests {

    @TempDir
    Path directory;

    private Path people;
    private Path quotas;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void copyExamples() throws IOException {
        people = copy("people.csv");
        quotas = copy("quotas.csv");
    }

    private Path copy(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/lottery/" + name)) {
            Path target = directory.resolve(name);
            Files.copy(in, target);
            return target;
        }
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return LotteryCommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void lotteryPrintsMinimumAndMaximumAndWritesTheTable() {
        Path table = directory.resolve("tabelle");

        int exit = run("lottery", "--people", people.toString(), "--quotas", quotas.toString(), "--seats", "12",
            "--out", table.toString(), "--time-budget", "PT60S");

        assertThat(exit).as(err()).isZero();
        assertThat(out()).containsPattern(
            "(?m)^min 0\\.\\d{6} max 0\\.\\d{6} \\(rounded: min 0\\.\\d{6} max 0\\.\\d{6}\\)$");
        assertThat(out()).contains("Pool: 120 Personen").contains("12 Sitze").contains("Commitment");
        assertThat(table.resolve("panels.csv")).exists();
        assertThat(table.resolve("probabilities.csv")).content().startsWith("id,type,optimal,rounded,")
            .contains("KL-0001,");
        assertThat(table.resolve("pool.csv")).content().doesNotContain("Portal").doesNotContain("Eingang");
    }

    @Test
    void drawFromTheWrittenTableAndVerifyTheBundle() throws IOException {
        Path table = directory.resolve("tabelle");
        assertThat(run("lottery", "--people", people.toString(), "--quotas", quotas.toString(), "--seats", "12",
            "--out", table.toString())).isZero();
        String commitment = Files.readString(table.resolve("commitment.txt"));
        String prefix = "Commitment (SHA-256 von commitment.txt): ";
        String published = out().lines().filter(line -> line.startsWith(prefix)).findFirst().orElseThrow()
            .substring(prefix.length());
        Path bundle = directory.resolve("pruefpaket.zip");

        assertThat(run("draw", "--table", table.toString(), "--input", "2 6 6 1 4 3 5", "--bundle",
            bundle.toString())).as(err()).isZero();
        assertThat(out()).contains("Gezogenes Los: ").contains("Mitglieder: KL-");

        assertThat(run("verify", bundle.toString())).as(out()).isZero();
        assertThat(out()).contains("Ergebnis: Alles stimmt");

        byte[] bytes = Files.readAllBytes(bundle);
        bytes[bytes.length / 2] ^= 0x04;
        Files.write(bundle, bytes);
        assertThat(run("verify", bundle.toString())).isEqualTo(1);
        assertThat(out()).contains("✗ ").contains("NICHT bestätigt");

        assertThat(run("draw", "--table", table.toString(), "--input", "1", "--commitment", published,
            "--bundle", bundle.toString())).isZero();
        Files.writeString(table.resolve("commitment.txt"), commitment.replace("seats: 12", "seats: 11"));
        assertThat(run("draw", "--table", table.toString(), "--input", "1", "--bundle", bundle.toString()))
            .isEqualTo(1);
        assertThat(err()).contains("fehlerhaft").contains("Die Zusammensetzung hat 12 Sitze statt 11.");
        assertThat(run("draw", "--table", table.toString(), "--input", "1", "--commitment", published,
            "--bundle", bundle.toString())).isEqualTo(1);
    }

    @Test
    void badInputExitsNonZeroWithTheMessages() throws IOException {
        assertThat(run("lottery", "--people", people.toString(), "--quotas", quotas.toString(), "--seats",
            "500")).isEqualTo(1);
        assertThat(err()).contains("Es sollen 500 Sitze vergeben werden, aber nur 120 Personen sind im Pool");

        assertThat(run("lottery", "--people", directory.resolve("fehlt.csv").toString(), "--seats", "3"))
            .isEqualTo(1);
        assertThat(err()).contains("gibt es nicht");
    }

    @Test
    void jointlyInfeasibleQuotasSuggestARelaxation() throws IOException {
        Path pool = directory.resolve("pool.csv");
        StringBuilder csv = new StringBuilder("id,Geschlecht,Alter\n");
        for (int i = 0; i < 10; i++) {
            csv.append("J").append(i).append(",weiblich,16–29\n");
            csv.append("M").append(i).append(",männlich,30+\n");
        }
        Files.writeString(pool, csv);
        Path limits = directory.resolve("limits.csv");
        Files.writeString(limits, """
            category,value,min,max
            Geschlecht,weiblich,0,2
            Geschlecht,männlich,0,6
            Alter,16–29,3,6
            Alter,30+,0,6
            """);

        assertThat(run("lottery", "--people", pool.toString(), "--quotas", limits.toString(), "--seats", "6"))
            .isEqualTo(1);
        assertThat(err()).contains("nicht alle gleichzeitig").contains("Kleinste Lockerung")
            .containsAnyOf("Alter 16–29: Minimum 3 → 2", "Geschlecht weiblich: Maximum 2 → 3");
    }

    @Test
    void wrongUsageExitsWithTwo() {
        assertThat(run("lottery", "--people", people.toString())).isEqualTo(2);
        assertThat(err()).contains("Die Option --seats fehlt.").contains("Aufruf:");
        assertThat(run("lottery", "--seats", "x", "--people", "p")).isEqualTo(2);
        assertThat(run("verify")).isEqualTo(2);
        assertThat(run("lottery", "--people", "p", "--seats", "3", "--time-budget", "bald")).isEqualTo(2);
        assertThat(err()).contains("PT60S");
    }

    @Test
    void onlyItsOwnCommandsAreTakenFromTheApplication() {
        assertThat(LotteryCommandLine.handles(new String[] {"verify", "x.zip"})).isTrue();
        assertThat(LotteryCommandLine.handles(new String[] {"--server.port=8081"})).isFalse();
        assertThat(LotteryCommandLine.handles(new String[0])).isFalse();
        assertThat(LotteryCommandLine.handles(new String[] {"--spring.profiles.active=demo", "lottery"})).isTrue();
    }
}
