package de.stadtdialog.notification;

/**
 * Sends mails and records each in the outbox. Meant to be called from an asynchronous process step: a delivery
 * failure is thrown, so the engine retries the job and finally raises an incident in Cockpit.
 */
public interface MailService {

    /** Sends the mail unless one with the same dedup key was sent already. @return true if sent now */
    boolean send(OutgoingMail mail);

    /**
     * Like {@link #send}, for a mail whose body carries a secret link (opt-in confirmation, password reset): the
     * outbox records the mail without its body, so nobody reading the outbox can use the link. Only where the
     * outbox is the mailbox (mode "outbox": demo and tests) is the body kept.
     */
    default boolean sendWithSecretLink(OutgoingMail mail) {
        return send(mail);
    }
}
