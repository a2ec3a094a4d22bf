package de.stadtdialog.commenting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Paragraph-level differences between two versions of a draft: a longest common subsequence over the paragraph
 * texts, so an unchanged paragraph is matched even when others were inserted or removed before it. A changed
 * paragraph shows as removed (old text) followed by added (new text), which is how readers compare wordings.
 */
public final class ParagraphDiff {

    public enum Kind { UNCHANGED, REMOVED, ADDED }

    public record Line(Kind kind, String sectionTitle, String text) {
    }

    private ParagraphDiff() {
    }

    public static List<Line> between(List<DraftParagraph> older, List<DraftParagraph> newer) {
        int n = older.size();
        int m = newer.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = same(older.get(i), newer.get(j)) ? common[i + 1][j + 1] + 1
                    : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && same(older.get(i), newer.get(j))) {
                lines.add(line(Kind.UNCHANGED, newer.get(j++)));
                i++;
            } else if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
                lines.add(line(Kind.ADDED, newer.get(j++)));
            } else {
                lines.add(line(Kind.REMOVED, older.get(i++)));
            }
        }
        return reorderChanges(lines);
    }

    /** Within a run of changes, removed lines first, so a rewording reads old → new. */
    private static List<Line> reorderChanges(List<Line> lines) {
        List<Line> result = new ArrayList<>();
        List<Line> removed = new ArrayList<>();
        List<Line> added = new ArrayList<>();
        for (Line line : lines) {
            if (line.kind() == Kind.UNCHANGED) {
                result.addAll(removed);
                result.addAll(added);
                removed.clear();
                added.clear();
                result.add(line);
            } else {
                (line.kind() == Kind.REMOVED ? removed : added).add(line);
            }
        }
        result.addAll(removed);
        result.addAll(added);
        return Collections.unmodifiableList(result);
    }

    private static boolean same(DraftParagraph a, DraftParagraph b) {
        return a.getText().equals(b.getText());
    }

    private static Line line(Kind kind, DraftParagraph paragraph) {
        return new Line(kind, paragraph.getSectionTitle(), paragraph.getText());
    }
}
