package de.stadtdialog.commenting.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import de.stadtdialog.commenting.CommentingTimes;
import de.stadtdialog.commenting.DraftRepository;
import de.stadtdialog.portal.PublicOffer;
import de.stadtdialog.portal.PublicPhaseOffer;
import de.stadtdialog.procedure.Procedure;

/**
 * On the public project page of a commenting procedure: the draft page once it is open (to comment until the end
 * date), and afterwards to read the comments and their outcomes. Nothing before the opening.
 */
@Component
class CommentingPublicOffer implements PublicPhaseOffer {

    private final DraftRepository drafts;
    private final java.time.Clock clock;

    CommentingPublicOffer(DraftRepository drafts, java.time.Clock clock) {
        this.drafts = drafts;
        this.clock = clock;
    }

    @Override
    public List<PublicOffer> offersFor(Procedure procedure) {
        if (procedure.getId() == null) {
            return List.of();
        }
        return drafts.findByProcedureId(procedure.getId()).filter(d -> d.isPublic()).map(draft -> {
            String href = "/oeffentlich/entwuerfe/" + draft.getId();
            return draft.isOpenAt(clock.instant())
                ? List.of(new PublicOffer("commenting.offer.comment", draft.getTitle() + " – bis "
                    + CommentingTimes.dateTime(draft.getClosesAt()), href))
                : List.of(new PublicOffer("commenting.offer.read", draft.getTitle(), href));
        }).orElse(List.of());
    }
}
