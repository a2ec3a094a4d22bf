package de.stadtdialog.tasklist.internal;

import java.util.List;

/** One page of the task list; {@code page} counts from 0. */
record TaskPage(List<TaskRow> rows, long total, int page, int pageSize, boolean procedureFilterTruncated) {

    public int pageCount() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pageCount();
    }
}
