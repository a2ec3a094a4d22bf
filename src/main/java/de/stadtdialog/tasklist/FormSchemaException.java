package de.stadtdialog.tasklist;

/** A form definition we cannot use; the message (English, for the log and the designer) says what is wrong. */
public class FormSchemaException extends RuntimeException {

    public FormSchemaException(String message) {
        super(message);
    }

    public FormSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
