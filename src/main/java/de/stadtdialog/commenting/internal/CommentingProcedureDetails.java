package de.stadtdialog.commenting.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import de.stadtdialog.commenting.CommentingService;
import de.stadtdialog.commenting.CommentingTimes;
import de.stadtdialog.commenting.DraftRepository;
import de.stadtdialog.dashboard.ProcedureDetail;
import de.stadtdialog.dashboard.ProcedureDetailsContributor;
import de.stadtdialog.procedure.Procedure;

/** On the procedure page: the commenting period, the evaluation progress and links to the staff and public pages. */
@Component
class CommentingProcedureDetails implements ProcedureDetailsContributor {

    private final DraftRepository drafts;
    private final CommentingService commenting;

    CommentingProcedureDetails(DraftRepository drafts, CommentingService commenting) {
        this.drafts = drafts;
        this.commenting = commenting;
    }

    @Override
    public List<ProcedureDetail> detailsOf(Procedure procedure) {
        if (procedure.getId() == null) {
            return List.of();
        }
        return drafts.findByProcedureId(procedure.getId()).map(draft -> {
            List<ProcedureDetail> details = new ArrayList<>();
            details.add(ProcedureDetail.link("commenting.detail.staffPage", draft.getTitle(),
                "/kommentierung/" + draft.getId()));
            if (draft.getOpensAt() != null) {
                details.add(ProcedureDetail.fact("commenting.detail.period", CommentingTimes.dateTime(draft.getOpensAt())
                    + " – " + CommentingTimes.dateTime(draft.getClosesAt())));
            }
            details.add(ProcedureDetail.fact("commenting.detail.progress", commenting.progress(draft.getId()).text()));
            if (draft.isPublic()) {
                details.add(ProcedureDetail.link("commenting.detail.publicPage", draft.getTitle(),
                    "/oeffentlich/entwuerfe/" + draft.getId()));
            }
            return details;
        }).orElse(List.of());
    }
}
