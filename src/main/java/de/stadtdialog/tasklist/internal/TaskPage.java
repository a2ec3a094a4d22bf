package de.stadtdialog.tasklist.internal;

import java.util.List;

/**
 * One page of the task list; {@code page} counts from 0. The total is known when this is the last page;
 * otherwise it is {@code null} and {@code more} says there are further pages: counting thousands of open tasks
 * would cost as much as listing them, on every request.
 */
record TaskPage(List<TaskRow> rows, Long total, int page, int pageSize, boolean more,
        boolean procedureFilterTruncated) {

    public boolean totalKnown() {
        return total != null;
    }

    /** The number of pages; meaningful when {@link #totalKnown()}. */
    public int pageCount() {
        return total == null ? page + 2 : (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    /** First and last position of this page's tasks, counting from 1. */
    public int from() {
        return rows.isEmpty() ? 0 : page * pageSize + 1;
    }

    public int to() {
        return page * pageSize + rows.size();
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return more;
    }

    public boolean paged() {
        return more || page > 0;
    }
}
