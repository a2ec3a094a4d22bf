package de.stadtdialog.voting.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn on the server as plain SVG coordinates (no script): one bar per option of a
 * round, the longest bar full width. Screen readers get the data table next to it; the SVG itself carries a
 * title and is otherwise presentational.
 */
record ResultChart(List<Bar> bars, int width, int height) {

    static final int LABEL_WIDTH = 0;
    static final int BAR_HEIGHT = 28;
    static final int GAP = 30;

    record Bar(String title, long votes, String percent, boolean winner, int y, int barWidth, int textY) {
    }

    record Row(String title, long votes, boolean winner) {
    }

    static ResultChart of(List<Row> rows, int width) {
        long most = rows.stream().mapToLong(Row::votes).max().orElse(0);
        long total = rows.stream().mapToLong(Row::votes).sum();
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Row row : rows) {
            int barWidth = most == 0 ? 0 : (int) Math.round((width - 140) * (double) row.votes() / most);
            String percent = total == 0 ? "0 %" : String.format(java.util.Locale.GERMANY, "%.1f %%",
                100.0 * row.votes() / total);
            bars.add(new Bar(row.title(), row.votes(), percent, row.winner(), y + 18, Math.max(barWidth, 2), y + 12));
            y += BAR_HEIGHT + GAP;
        }
        return new ResultChart(bars, width, Math.max(y, 1));
    }
}
