package de.stadtdialog.notification.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code stadtdialog.mail.mode}: "smtp" (spring.mail.*) or "outbox" (only recorded; demo). */
@ConfigurationProperties("stadtdialog.mail")
public record MailProperties(String mode, String from) {

    public MailProperties {
        mode = mode == null ? "smtp" : mode;
        from = from == null ? "stadtdialog@localhost" : from;
    }
}
