package de.stadtdialog;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import de.stadtdialog.notification.MailDeliveryException;
import de.stadtdialog.notification.OutgoingMail;
import de.stadtdialog.notification.internal.MailGateway;

/** Records delivered mails; {@link #failWith(String)} makes the next deliveries fail like a dead SMTP server. */
public class TestMailGateway implements MailGateway {

    private final List<OutgoingMail> delivered = new CopyOnWriteArrayList<>();
    private volatile String failure;

    @Override
    public void deliver(OutgoingMail mail, String from) {
        if (failure != null) {
            throw new MailDeliveryException(failure, null);
        }
        delivered.add(mail);
    }

    public List<OutgoingMail> delivered() {
        return List.copyOf(delivered);
    }

    public void failWith(String message) {
        this.failure = message;
    }

    public void reset() {
        failure = null;
        delivered.clear();
    }
}
