package de.stadtdialog.tasklist.internal;

/** Only the member who claimed a task may release it. */
class NotYourTaskException extends RuntimeException {

    NotYourTaskException(String taskId) {
        super("Task " + taskId + " is not assigned to the current user");
    }
}
