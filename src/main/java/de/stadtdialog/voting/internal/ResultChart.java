package de.stadtdialog.voting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart drawn on the server as plain HTML (no script, no image): one bar per option of a round,
 * the longest bar full width. Text stays text, so it keeps its size on a phone; screen readers skip the bars and
 * read the data table next to them.
 */
record ResultChart(List<Bar> bars) {

    /** {@code widthPercent} of the longest bar; {@code percent} of all votes of the round, as people read it. */
    record Bar(String title, long votes, String percent, boolean winner, int widthPercent) {
    }

    record Row(String title, long votes, boolean winner) {
    }

    static ResultChart of(List<Row> rows) {
        long most = rows.stream().mapToLong(Row::votes).max().orElse(0);
        long total = rows.stream().mapToLong(Row::votes).sum();
        List<Bar> bars = new ArrayList<>();
        for (Row row : rows) {
            int width = most == 0 ? 0 : (int) Math.round(100.0 * row.votes() / most);
            String percent = total == 0 ? "0,0 %" : String.format(Locale.GERMANY, "%.1f %%", 100.0 * row.votes() / total);
            bars.add(new Bar(row.title(), row.votes(), percent, row.winner(), Math.max(width, 1)));
        }
        return new ResultChart(bars);
    }
}
