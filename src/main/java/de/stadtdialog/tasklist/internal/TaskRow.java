package de.stadtdialog.tasklist.internal;

import java.time.Instant;

/** One open task as the list and the detail page show it, with its procedure (if it belongs to one). */
record TaskRow(String id, String name, String description, String processInstanceId, String procedureTitle,
        String businessKey, String phase, Instant created, Instant due, boolean overdue,
        String assigneeId, String assigneeName, boolean mine, FormKind formKind) {

    enum FormKind {
        NONE, CAMUNDA_FORM, OTHER
    }

    public boolean unassigned() {
        return assigneeId == null;
    }

    public boolean assignedToOther() {
        return assigneeId != null && !mine;
    }

    public String createdText() {
        return TaskTimes.format(created);
    }

    public String dueText() {
        return TaskTimes.format(due);
    }

    public String displayName() {
        return name == null || name.isBlank() ? id : name;
    }
}
