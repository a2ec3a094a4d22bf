package de.stadtdialog.notification;

/** The mail server did not take a mail. */
public class MailDeliveryException extends RuntimeException {

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
