package de.stadtdialog.notification;

/**
 * Sends mails and records each in the outbox. Meant to be called from an asynchronous process step: a delivery
 * failure is thrown, so the engine retries the job and finally raises an incident in Cockpit.
 */
public interface MailService {

    /** Sends the mail unless one with the same dedup key was sent already. @return true if sent now */
    boolean send(OutgoingMail mail);
}
