package de.stadtdialog.guidelines.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import de.stadtdialog.commenting.CommentingService;
import de.stadtdialog.dashboard.ProcedureDetail;
import de.stadtdialog.dashboard.ProcedureDetailsContributor;
import de.stadtdialog.guidelines.GuidelinesProcedure;
import de.stadtdialog.guidelines.GuidelinesService;
import de.stadtdialog.portal.PublicOffer;
import de.stadtdialog.portal.PublicPhaseOffer;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.shared.MunicipalTime;

/**
 * The composition's own facts on the procedure page (mandate, working group, outcome) and, on the public project
 * page, the adopted guidelines once published. The templates add their own lines (call, sessions, draft, motion).
 */
@Component
class GuidelinesDetails implements ProcedureDetailsContributor, PublicPhaseOffer {

    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter
        .ofPattern("dd.MM.yyyy", Locale.GERMANY);

    private final GuidelinesService guidelines;
    private final CommentingService commenting;

    GuidelinesDetails(GuidelinesService guidelines, CommentingService commenting) {
        this.guidelines = guidelines;
        this.commenting = commenting;
    }

    @Override
    public List<ProcedureDetail> detailsOf(Procedure procedure) {
        return guidelines.ofProcedure(procedure.getId()).map(GuidelinesDetails::details).orElse(List.of());
    }

    private static List<ProcedureDetail> details(GuidelinesProcedure row) {
        List<ProcedureDetail> details = new ArrayList<>();
        if (row.getMandateReference() != null) {
            details.add(ProcedureDetail.fact("guidelines.detail.mandate", row.getMandateReference()
                + (row.getMandateDate() == null ? "" : " (" + DATE.format(row.getMandateDate()) + ")")));
        }
        details.add(ProcedureDetail.fact("guidelines.detail.workingGroup", row.getWorkingGroup()));
        if (row.getAdoptedPublishedAt() != null) {
            details.add(ProcedureDetail.fact("guidelines.detail.adopted",
                MunicipalTime.dateTime(row.getAdoptedPublishedAt())));
        }
        if (row.getRejectionFollowUp() != null) {
            details.add(ProcedureDetail.fact("guidelines.detail.rejectionFollowUp", row.getRejectionFollowUp()));
        }
        return details;
    }

    @Override
    public List<PublicOffer> offersFor(Procedure procedure) {
        return guidelines.ofProcedure(procedure.getId()).filter(row -> row.getAdoptedPublishedAt() != null)
            .map(row -> new PublicOffer("guidelines.public.adopted", row.getTitle() + " – beschlossene Fassung",
                "/oeffentlich/entwuerfe/" + commenting.draftOf(procedure).getId()))
            .stream().toList();
    }
}
