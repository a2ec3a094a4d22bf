package de.stadtdialog.notification.internal;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.notification.MailService;
import de.stadtdialog.notification.OutgoingMail;

/**
 * Delivers, then records in the outbox within the caller's transaction (the process job). If the job fails after
 * delivery, the record rolls back with it and the retry delivers again: at least once, never lost. The unique
 * dedup key makes a second delivery of a recorded mail impossible.
 */
@Service
class OutboxMailService implements MailService {

    private final OutboxRepository outbox;
    private final MailGateway gateway;
    private final MailProperties properties;
    private final Clock clock;

    OutboxMailService(OutboxRepository outbox, MailGateway gateway, MailProperties properties, Clock clock) {
        this.outbox = outbox;
        this.gateway = gateway;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean send(OutgoingMail mail) {
        if (outbox.existsByDedupKey(mail.dedupKey())) {
            return false;
        }
        gateway.deliver(mail, properties.from());
        outbox.save(new OutboxEntry(mail.tenantId(), mail.dedupKey(), mail.to(), mail.subject(), mail.body(),
            clock.instant()));
        return true;
    }
}
