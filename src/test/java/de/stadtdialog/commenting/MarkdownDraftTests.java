package de.stadtdialog.commenting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.stadtdialog.commenting.MarkdownDraft.Section;

class MarkdownDraftTests {

    @Test
    void headingsStartSections_blankLinesSeparateParagraphs() {
        List<Section> sections = MarkdownDraft.parse("""
            # Leitlinien

            ## 1. Ziele

            Erster Absatz,
            über zwei Zeilen.

            Zweiter Absatz.
            ## 2. Verfahren ##
            Dritter Absatz.
            """);

        assertThat(sections).containsExactly(
            new Section(1, "1. Ziele", List.of("Erster Absatz,\nüber zwei Zeilen.", "Zweiter Absatz.")),
            new Section(2, "2. Verfahren", List.of("Dritter Absatz.")));
    }

    @Test
    void textBeforeTheFirstHeading_isASectionWithoutTitle() {
        assertThat(MarkdownDraft.parse("Vorbemerkung.\n\n# Teil A\nText A"))
            .containsExactly(new Section(1, null, List.of("Vorbemerkung.")), new Section(2, "Teil A", List.of("Text A")));
    }

    @Test
    void windowsLineEnds_tabsAndSeveralBlankLines() {
        assertThat(MarkdownDraft.parse("## A\r\n\r\n\r\nEins\t \r\n \r\nZwei\r\n"))
            .containsExactly(new Section(1, "A", List.of("Eins", "Zwei")));
    }

    @Test
    void deeperHeadingsHashWithoutSpaceAndHtml_stayPlainText() {
        assertThat(MarkdownDraft.parse("## A\n\n### Unterpunkt\n#hashtag\n\n<script>alert(1)</script>"))
            .containsExactly(new Section(1, "A", List.of("### Unterpunkt\n#hashtag", "<script>alert(1)</script>")));
    }

    @Test
    void emptyInputAndHeadingsOnly_giveNoSections() {
        assertThat(MarkdownDraft.parse(null)).isEmpty();
        assertThat(MarkdownDraft.parse("  \n\n")).isEmpty();
        assertThat(MarkdownDraft.parse("# Titel\n## Leer\n#   \n")).isEmpty();
    }

    @Test
    void renderedMarkdown_parsesBackToTheSameParagraphs() {
        List<Section> original = MarkdownDraft.parse("Vorwort.\n\n## A\n\nEins\nmit Umbruch\n\nZwei\n\n## B\n\nDrei");
        List<DraftParagraph> rows = new ArrayList<>();
        int position = 0;
        for (Section section : original) {
            for (String text : section.paragraphs()) {
                rows.add(new DraftParagraph("t", 1L, 1, ++position, section.number(), section.title(), text));
            }
        }
        assertThat(MarkdownDraft.parse(MarkdownDraft.render(rows))).isEqualTo(original);
    }
}
