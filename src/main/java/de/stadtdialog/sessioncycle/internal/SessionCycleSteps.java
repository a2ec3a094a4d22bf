package de.stadtdialog.sessioncycle.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.notification.MailService;
import de.stadtdialog.notification.OutgoingMail;
import de.stadtdialog.sessioncycle.PublicSession;
import de.stadtdialog.sessioncycle.PublicSessionRepository;

/**
 * What each step of the session cycle does to the session row and the outside world. Every method may run twice
 * (a retried job after a crash) and then does nothing new.
 */
@Component
@Transactional
class SessionCycleSteps {

    private final PublicSessionRepository sessions;
    private final MailService mail;
    private final Clock clock;
    private final String publicBaseUrl;

    SessionCycleSteps(PublicSessionRepository sessions, MailService mail, Clock clock,
            @Value("${stadtdialog.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.sessions = sessions;
        this.mail = mail;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    PublicSession session(Long id) {
        return sessions.findById(id).orElseThrow(() -> new IllegalStateException("No public session " + id));
    }

    void recordAgenda(PublicSession session, String format, String location, String agenda) {
        session.recordAgenda(format, location, agenda);
    }

    void reschedule(PublicSession session, Instant startsAt, String reason, String by) {
        session.reschedule(startsAt, SessionTexts.dateTime(clock.instant()) + ": verlegt auf "
            + SessionTexts.dateTime(startsAt) + " von " + by + " – " + reason);
    }

    void recordMinutes(PublicSession session, int attendeeCount, boolean quorate, String attendance, String minutes,
            String author) {
        session.recordMinutes(attendeeCount, quorate, attendance, minutes, author);
    }

    void recordReview(PublicSession session, String reviewer, String comment) {
        session.recordReview(reviewer, comment);
    }

    /** Mails the invitation to every recipient and publishes it on the public session page. */
    void sendInvitation(Long sessionId) {
        PublicSession session = session(sessionId);
        String link = publicBaseUrl + "/oeffentlich/sitzungen/" + session.getId();
        for (String recipient : recipients(session)) {
            mail.send(new OutgoingMail(session.getTenantId(), "session-" + session.getId() + "-invitation-"
                + session.getStartsAt().getEpochSecond() + "-" + recipient, recipient,
                "Einladung: " + session.getBody() + " am " + SessionTexts.dateTime(session.getStartsAt()),
                SessionTexts.invitation(session, link)));
        }
        session.markInvitationSent(clock.instant());
    }

    /** Publishes the approved minutes and tells the recipients where to read them. */
    void publishMinutes(Long sessionId) {
        PublicSession session = session(sessionId);
        session.markMinutesPublished(clock.instant());
        String link = publicBaseUrl + "/oeffentlich/sitzungen/" + session.getId();
        for (String recipient : recipients(session)) {
            mail.send(new OutgoingMail(session.getTenantId(), "session-" + session.getId() + "-minutes-" + recipient,
                recipient, "Protokoll veröffentlicht: " + session.getBody() + " vom "
                    + SessionTexts.dateTime(session.getStartsAt()),
                SessionTexts.minutesPublished(session, link)));
        }
    }

    private static List<String> recipients(PublicSession session) {
        return session.getRecipients() == null ? List.of()
            : Arrays.stream(session.getRecipients().split("\n")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }
}
