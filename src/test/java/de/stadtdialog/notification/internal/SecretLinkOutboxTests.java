package de.stadtdialog.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.TestMailGateway;
import de.stadtdialog.notification.OutgoingMail;

/**
 * Mails with a secret link (opt-in, password reset) reach the recipient whole, but the outbox, which staff read,
 * keeps them without the body when real mail goes out; in outbox mode (demo) the outbox is the mailbox and keeps
 * it. The dedup key works either way.
 */
@StadtdialogSpringTest
class SecretLinkOutboxTests {

    @Autowired
    OutboxRepository outbox;
    @Autowired
    TestMailGateway gateway;
    @Autowired
    Clock clock;

    @AfterEach
    void reset() {
        gateway.reset();
    }

    private OutgoingMail mail() {
        String key = "secret-" + UUID.randomUUID();
        return new OutgoingMail("kaiserslautern", key, key + "@example.org", "Neues Passwort",
            "Ihr Link: https://stadtdialog.example/buerger/passwort-neu?token=geheim-" + key);
    }

    private OutboxEntry recorded(OutgoingMail mail) {
        return outbox.findAll().stream().filter(e -> e.getDedupKey().equals(mail.dedupKey())).findFirst()
            .orElseThrow();
    }

    @Test
    void withRealMailTheOutboxKeepsNoSecretLink() {
        OutboxMailService service = new OutboxMailService(outbox, gateway, new MailProperties("smtp", "x@example.org"),
            clock);
        OutgoingMail mail = mail();

        assertThat(service.sendWithSecretLink(mail)).isTrue();
        assertThat(service.sendWithSecretLink(mail)).as("dedup").isFalse();

        assertThat(gateway.delivered()).filteredOn(m -> m.dedupKey().equals(mail.dedupKey()))
            .singleElement().satisfies(sent -> assertThat(sent.body()).contains("token=geheim-"));
        OutboxEntry entry = recorded(mail);
        assertThat(entry.getBody()).isEqualTo(OutboxMailService.SECRET_LINK_NOT_KEPT).doesNotContain("token");
        assertThat(entry.getSubject()).isEqualTo("Neues Passwort");
        assertThat(entry.getRecipient()).isEqualTo(mail.to());
    }

    @Test
    void inOutboxModeTheOutboxIsTheMailboxAndKeepsTheLink() {
        OutboxMailService service = new OutboxMailService(outbox, gateway,
            new MailProperties("outbox", "x@example.org"), clock);
        OutgoingMail mail = mail();

        service.sendWithSecretLink(mail);

        assertThat(recorded(mail).getBody()).contains("token=geheim-");
    }
}
