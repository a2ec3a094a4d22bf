package de.stadtdialog.commenting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.stadtdialog.commenting.ParagraphDiff.Kind;
import de.stadtdialog.commenting.ParagraphDiff.Line;

class ParagraphDiffTests {

    @Test
    void insertedRemovedAndReworded_paragraphs() {
        List<Line> diff = ParagraphDiff.between(version("A", "B", "C", "D"), version("A", "B2", "C", "X", "D"));

        assertThat(diff).extracting(line -> line.kind() + " " + line.text()).containsExactly(
            "UNCHANGED A", "REMOVED B", "ADDED B2", "UNCHANGED C", "ADDED X", "UNCHANGED D");
    }

    @Test
    void emptyOldVersion_everythingAdded() {
        assertThat(ParagraphDiff.between(List.of(), version("A"))).extracting(Line::kind).containsExactly(Kind.ADDED);
        assertThat(ParagraphDiff.between(version("A"), List.of())).extracting(Line::kind).containsExactly(Kind.REMOVED);
    }

    private static List<DraftParagraph> version(String... texts) {
        List<DraftParagraph> rows = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            rows.add(new DraftParagraph("t", 1L, 1, i + 1, 1, "S", texts[i]));
        }
        return rows;
    }
}
