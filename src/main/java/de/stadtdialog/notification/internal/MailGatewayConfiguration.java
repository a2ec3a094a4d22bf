package de.stadtdialog.notification.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import de.stadtdialog.notification.MailDeliveryException;

@Configuration
class MailGatewayConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MailGateway mailGateway(MailProperties properties, ObjectProvider<JavaMailSender> sender) {
        if ("outbox".equals(properties.mode())) {
            return (mail, from) -> {
                // demo: the outbox page is the mailbox
            };
        }
        return (mail, from) -> {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(mail.to());
            message.setSubject(mail.subject());
            message.setText(mail.body());
            try {
                sender.getObject().send(message);
            } catch (MailException e) {
                throw new MailDeliveryException("Mail an " + mail.to() + " nicht zugestellt: " + e.getMessage(), e);
            }
        };
    }
}
