package de.stadtdialog.sessioncycle.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import de.stadtdialog.portal.PublicDate;
import de.stadtdialog.portal.PublicDates;
import de.stadtdialog.sessioncycle.PublicSession;
import de.stadtdialog.sessioncycle.PublicSessionRepository;

/**
 * Announced public sessions (invitation published) for the portal's calendar feed. Only what the public session
 * page shows: title, body, time, place and agenda; never the recipients.
 */
@Component
class PublicSessionDates implements PublicDates {

    private final PublicSessionRepository sessions;

    PublicSessionDates(PublicSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public List<PublicDate> datesOf(String tenantId) {
        return sessions.findByTenantIdAndInvitationSentAtIsNotNullOrderByStartsAtDesc(tenantId).stream()
            .map(PublicSessionDates::date).toList();
    }

    private static PublicDate date(PublicSession session) {
        String description = session.getBody()
            + (session.getAgenda() == null || session.getAgenda().isBlank() ? "" : "\n\n" + session.getAgenda());
        return new PublicDate("sitzung-" + session.getId(), session.getTitle(), session.getStartsAt(), null,
            session.getLocation(), description, "/oeffentlich/sitzungen/" + session.getId(),
            session.getMinutesPublishedAt() != null ? session.getMinutesPublishedAt() : session.getInvitationSentAt());
    }
}
