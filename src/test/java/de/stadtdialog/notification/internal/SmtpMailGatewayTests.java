package de.stadtdialog.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import de.stadtdialog.notification.MailDeliveryException;
import de.stadtdialog.notification.OutgoingMail;

/**
 * The SMTP gateway, as production builds it, really delivers: to a GreenMail server inside the test JVM (a free
 * port, no Spring context). And a server that is gone is a {@link MailDeliveryException}, which the process
 * steps turn into retries and an incident.
 */
class SmtpMailGatewayTests {

    private GreenMail smtp;
    private MailGateway gateway;

    @BeforeEach
    void startServer() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("mailSender", sender);
        gateway = new MailGatewayConfiguration().mailGateway(new MailProperties("smtp", "stadtdialog@example.org"),
            beans.getBeanProvider(JavaMailSender.class));
    }

    @AfterEach
    void stopServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void deliversTheMailWithSenderRecipientSubjectAndUmlauts() throws Exception {
        gateway.deliver(new OutgoingMail("kaiserslautern", "test-1", "erika@example.org",
            "Bitte bestätigen Sie Ihre Registrierung", "Guten Tag Frau Müller,\n\nhier ist Ihr Link: "
                + "https://stadtdialog.example/buerger/bestaetigen?token=abc"), "stadtdialog@example.org");

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getFrom()[0].toString()).isEqualTo("stadtdialog@example.org");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("erika@example.org");
        assertThat(mail.getSubject()).isEqualTo("Bitte bestätigen Sie Ihre Registrierung");
        assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
        assertThat(mail.getContent().toString()).contains("Guten Tag Frau Müller",
            "/buerger/bestaetigen?token=abc");
    }

    @Test
    void aServerThatIsGoneIsAMailDeliveryException() {
        smtp.stop();
        smtp = null;

        assertThatThrownBy(() -> gateway.deliver(new OutgoingMail("kaiserslautern", "test-2", "erika@example.org",
            "Betreff", "Text"), "stadtdialog@example.org"))
            .isInstanceOf(MailDeliveryException.class)
            .hasMessageContaining("erika@example.org");
    }
}
