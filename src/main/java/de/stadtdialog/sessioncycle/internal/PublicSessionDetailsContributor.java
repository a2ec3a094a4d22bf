package de.stadtdialog.sessioncycle.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import de.stadtdialog.dashboard.ProcedureDetail;
import de.stadtdialog.dashboard.ProcedureDetailsContributor;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.sessioncycle.NoticePeriod;
import de.stadtdialog.sessioncycle.PublicSession;
import de.stadtdialog.sessioncycle.PublicSessionRepository;

/**
 * The session behind a session-cycle procedure on its procedure page: body, date, place, and the link to the
 * public page once the invitation is published (before that, the public page does not exist). A composed procedure
 * with several working-group sessions shows one line per session instead.
 */
@Component
class PublicSessionDetailsContributor implements ProcedureDetailsContributor {

    private final PublicSessionRepository sessions;

    PublicSessionDetailsContributor(PublicSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public List<ProcedureDetail> detailsOf(Procedure procedure) {
        if (procedure.getId() == null) {
            return List.of();
        }
        List<PublicSession> ofProcedure = sessions.findByProcedureIdOrderByStartsAt(procedure.getId());
        if (ofProcedure.size() == 1) {
            return details(ofProcedure.get(0));
        }
        return ofProcedure.stream().map(PublicSessionDetailsContributor::line).toList();
    }

    private static ProcedureDetail line(PublicSession session) {
        String text = session.getTitle() + " – " + NoticePeriod.format(session.getStartsAt())
            + (session.isMinutesPublished() ? " (Protokoll veröffentlicht)"
                : session.isInvitationPublished() ? " (eingeladen)" : " (in Vorbereitung)");
        return session.isInvitationPublished()
            ? ProcedureDetail.link("sessioncycle.detail.session", text, "/oeffentlich/sitzungen/" + session.getId())
            : ProcedureDetail.fact("sessioncycle.detail.session", text);
    }

    private static List<ProcedureDetail> details(PublicSession session) {
        List<ProcedureDetail> details = new ArrayList<>();
        details.add(ProcedureDetail.fact("sessioncycle.detail.body", session.getBody()));
        details.add(ProcedureDetail.fact("sessioncycle.detail.startsAt", NoticePeriod.format(session.getStartsAt())));
        if (session.getLocation() != null) {
            details.add(ProcedureDetail.fact("sessioncycle.detail.location", session.getLocation()));
        }
        if (session.isInvitationPublished()) {
            details.add(ProcedureDetail.fact("sessioncycle.detail.invitationSentAt",
                NoticePeriod.format(session.getInvitationSentAt())));
            details.add(ProcedureDetail.link("sessioncycle.detail.publicPage", session.getTitle(),
                "/oeffentlich/sitzungen/" + session.getId()));
        }
        if (session.isMinutesPublished()) {
            details.add(ProcedureDetail.fact("sessioncycle.detail.minutesPublishedAt",
                NoticePeriod.format(session.getMinutesPublishedAt())));
        }
        return details;
    }
}
