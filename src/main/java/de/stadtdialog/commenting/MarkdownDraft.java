package de.stadtdialog.commenting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small part of Markdown a draft needs: {@code #} and {@code ##} headings start sections, blocks separated by
 * blank lines are paragraphs. Everything else (emphasis, lists, deeper headings) stays as plain text: drafts are
 * shown escaped, never as HTML. Text before the first heading forms a section without a title; headings without
 * any paragraph (such as a document title directly followed by a sub-heading) and empty headings are left out.
 */
public final class MarkdownDraft {

    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,2}[ \\t]+(.*?)[ \\t]*#*[ \\t]*$");

    private static final Pattern EMPTY_HEADING = Pattern.compile("^ {0,3}#{1,2}$");

    public record Section(int number, String title, List<String> paragraphs) {

        public Section {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    private MarkdownDraft() {
    }

    public static List<Section> parse(String markdown) {
        List<Section> sections = new ArrayList<>();
        String title = null;
        List<String> paragraphs = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        String text = markdown == null ? "" : markdown.replace("\r\n", "\n").replace('\r', '\n');
        for (String rawLine : text.split("\n", -1)) {
            String line = stripTrailing(rawLine);
            Matcher heading = HEADING.matcher(line);
            if (heading.matches() && !heading.group(1).isBlank()) {
                endBlock(block, paragraphs);
                endSection(sections, title, paragraphs);
                title = heading.group(1).trim();
                paragraphs = new ArrayList<>();
            } else if (line.isBlank() || EMPTY_HEADING.matcher(line).matches()) {
                endBlock(block, paragraphs);
            } else {
                if (!block.isEmpty()) {
                    block.append('\n');
                }
                block.append(line);
            }
        }
        endBlock(block, paragraphs);
        endSection(sections, title, paragraphs);
        return sections;
    }

    /** Markdown that {@link #parse} reads back into the same sections and paragraphs. */
    public static String render(List<DraftParagraph> paragraphs) {
        StringBuilder out = new StringBuilder();
        Integer section = null;
        for (DraftParagraph paragraph : paragraphs) {
            if (!Objects.equals(section, paragraph.getSectionNumber())) {
                section = paragraph.getSectionNumber();
                if (paragraph.getSectionTitle() != null) {
                    out.append(out.isEmpty() ? "" : "\n").append("## ").append(paragraph.getSectionTitle()).append("\n\n");
                }
            }
            out.append(paragraph.getText()).append("\n\n");
        }
        return out.toString().stripTrailing() + (out.isEmpty() ? "" : "\n");
    }

    private static void endBlock(StringBuilder block, List<String> paragraphs) {
        String paragraph = block.toString().strip();
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph);
        }
        block.setLength(0);
    }

    private static void endSection(List<Section> sections, String title, List<String> paragraphs) {
        if (!paragraphs.isEmpty()) {
            sections.add(new Section(sections.size() + 1, title, paragraphs));
        }
    }

    private static String stripTrailing(String line) {
        return line.replace('\t', ' ').stripTrailing();
    }
}
