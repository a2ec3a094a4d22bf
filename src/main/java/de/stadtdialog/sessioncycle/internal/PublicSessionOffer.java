package de.stadtdialog.sessioncycle.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import de.stadtdialog.portal.PublicOffer;
import de.stadtdialog.portal.PublicPhaseOffer;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.sessioncycle.NoticePeriod;
import de.stadtdialog.sessioncycle.PublicSession;
import de.stadtdialog.sessioncycle.PublicSessionRepository;

/**
 * On the public project page of a session-cycle procedure: the public session page (invitation and agenda) once
 * the invitation is published, and the minutes once they are. Before the invitation there is nothing public. A
 * composed procedure offers each of its working-group sessions.
 */
@Component
class PublicSessionOffer implements PublicPhaseOffer {

    private final PublicSessionRepository sessions;

    PublicSessionOffer(PublicSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public List<PublicOffer> offersFor(Procedure procedure) {
        if (procedure.getId() == null) {
            return List.of();
        }
        return sessions.findByProcedureIdOrderByStartsAt(procedure.getId()).stream()
            .filter(PublicSession::isInvitationPublished).flatMap(session -> offers(session).stream()).toList();
    }

    private static List<PublicOffer> offers(PublicSession session) {
        String page = "/oeffentlich/sitzungen/" + session.getId();
        List<PublicOffer> offers = new ArrayList<>();
        offers.add(new PublicOffer("sessioncycle.detail.publicPage",
            session.getTitle() + " – " + NoticePeriod.format(session.getStartsAt()), page));
        if (session.isMinutesPublished()) {
            offers.add(new PublicOffer("sessioncycle.public.minutes", session.getTitle(), page));
        }
        return offers;
    }
}
