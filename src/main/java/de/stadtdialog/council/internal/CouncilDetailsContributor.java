package de.stadtdialog.council.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import de.stadtdialog.council.Consultation;
import de.stadtdialog.council.CouncilDates;
import de.stadtdialog.council.CouncilService;
import de.stadtdialog.council.Meeting;
import de.stadtdialog.council.Motion;
import de.stadtdialog.dashboard.ProcedureDetail;
import de.stadtdialog.dashboard.ProcedureDetailsContributor;
import de.stadtdialog.procedure.Procedure;

/**
 * The council columns on the procedure page of every procedure with a motion (its own council procedure, or a
 * participation procedure that called the council process): motion reference and status, next consultation,
 * meeting date, result, and the public decision once published.
 */
@Component
class CouncilDetailsContributor implements ProcedureDetailsContributor {

    private final CouncilService council;

    CouncilDetailsContributor(CouncilService council) {
        this.council = council;
    }

    @Override
    public List<ProcedureDetail> detailsOf(Procedure procedure) {
        return council.motionOf(procedure).map(this::details).orElse(List.of());
    }

    private List<ProcedureDetail> details(Motion motion) {
        List<ProcedureDetail> details = new ArrayList<>();
        details.add(ProcedureDetail.fact("council.detail.reference", motion.getReference()
            + (motion.getSubject() == null ? "" : " – " + motion.getSubject())));
        details.add(ProcedureDetail.fact("council.detail.status", motion.getStatus().label()));
        Optional<Consultation> next = motion.getDecision() == null ? council.nextConsultation(motion)
            : Optional.empty();
        next.ifPresent(consultation -> {
            details.add(ProcedureDetail.fact("council.detail.nextConsultation", consultation.getRole().label() + ": "
                + council.bodyName(consultation.getBodyId())));
            council.meetingOf(consultation).filter(m -> consultation.getResult() == null).map(Meeting::getStartsAt)
                .ifPresent(at -> details.add(ProcedureDetail.fact("council.detail.meeting",
                    CouncilDates.dateTime(at))));
        });
        if (motion.getDecision() != null) {
            details.add(ProcedureDetail.fact("council.detail.result", motion.getDecision().label() + " ("
                + council.bodyName(motion.getDecidingBodyId()) + ", " + CouncilDates.date(motion.getDecidedAt())
                + ")"));
        }
        if (motion.isDecisionPublished()) {
            details.add(ProcedureDetail.link("council.detail.publicPage", motion.getReference(),
                CouncilPaths.publicDecision(motion)));
        }
        details.add(ProcedureDetail.link("council.detail.calendar", "Ratskalender", CouncilPaths.STAFF + "/kalender"));
        return details;
    }
}
