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

    /** What the outbox shows instead of a body with a secret link. */
    static final String SECRET_LINK_NOT_KEPT = "(Der Text enthält einen persönlichen Link und wird deshalb nicht "
        + "gespeichert.)";

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
        return deliverAndRecord(mail, mail.body());
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean sendWithSecretLink(OutgoingMail mail) {
        return deliverAndRecord(mail, "outbox".equals(properties.mode()) ? mail.body() : SECRET_LINK_NOT_KEPT);
    }

    private boolean deliverAndRecord(OutgoingMail mail, String bodyToKeep) {
        if (outbox.existsByDedupKey(mail.dedupKey())) {
            return false;
        }
        gateway.deliver(mail, properties.from());
        outbox.save(new OutboxEntry(mail.tenantId(), mail.dedupKey(), mail.to(), mail.subject(), bodyToKeep,
            clock.instant()));
        return true;
    }
}
