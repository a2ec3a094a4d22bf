package de.stadtdialog.notification.internal;

import de.stadtdialog.notification.OutgoingMail;

/** Where mails go: an SMTP server, or nowhere but the outbox (demo). Throws when delivery fails. */
public interface MailGateway {

    void deliver(OutgoingMail mail, String from);
}
