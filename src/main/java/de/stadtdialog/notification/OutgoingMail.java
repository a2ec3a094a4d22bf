package de.stadtdialog.notification;

/**
 * A mail to send. {@code dedupKey} names the business fact (e.g. "session-17-invitation-to-a@b.de"): a mail
 * whose key was already sent is not sent again, so a retried job does not mail twice.
 */
public record OutgoingMail(String tenantId, String dedupKey, String to, String subject, String body) {
}
