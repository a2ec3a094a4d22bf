package de.stadtdialog.council.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import de.stadtdialog.council.Consultation;
import de.stadtdialog.council.CouncilDates;
import de.stadtdialog.council.CouncilService;
import de.stadtdialog.council.Meeting;
import de.stadtdialog.council.Motion;
import de.stadtdialog.portal.PublicOffer;
import de.stadtdialog.portal.PublicPhaseOffer;
import de.stadtdialog.procedure.Procedure;

/**
 * On the public project page: the council decision once published, before that the next council meeting on the
 * motion (once it is on an agenda). Works for the council's own procedure and for the participation procedure a
 * motion reports on.
 */
@Component
class CouncilPublicOffer implements PublicPhaseOffer {

    private final CouncilService council;

    CouncilPublicOffer(CouncilService council) {
        this.council = council;
    }

    @Override
    public List<PublicOffer> offersFor(Procedure procedure) {
        return council.publicMotionFor(procedure).map(this::offer).stream().flatMap(Optional::stream).toList();
    }

    private Optional<PublicOffer> offer(Motion motion) {
        String page = CouncilPaths.publicDecision(motion);
        if (motion.isDecisionPublished()) {
            return Optional.of(new PublicOffer("council.public.decision", motion.getDecision().label() + " – "
                + council.bodyName(motion.getDecidingBodyId()) + ", " + CouncilDates.date(motion.getDecidedAt()),
                page));
        }
        return council.nextConsultation(motion).flatMap(c -> meetingAhead(c))
            .map(meeting -> new PublicOffer("council.public.nextMeeting", council.bodyName(meeting.getBodyId())
                + " – " + CouncilDates.dateTime(meeting.getStartsAt()), page));
    }

    private Optional<Meeting> meetingAhead(Consultation consultation) {
        return consultation.getResult() == null ? council.meetingOf(consultation) : Optional.empty();
    }
}
