package de.stadtdialog.tasklist.internal;

/** The task is not open (any more), or this member may not see it. */
class TaskGoneException extends RuntimeException {

    TaskGoneException(String taskId) {
        super("No open task " + taskId);
    }
}
