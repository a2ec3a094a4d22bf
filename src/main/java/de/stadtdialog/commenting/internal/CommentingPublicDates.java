package de.stadtdialog.commenting.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import de.stadtdialog.commenting.Draft;
import de.stadtdialog.commenting.DraftRepository;
import de.stadtdialog.portal.PublicDate;
import de.stadtdialog.portal.PublicDates;

/** The end of each published commenting phase (with its extension) for the portal's calendar feed. */
@Component
class CommentingPublicDates implements PublicDates {

    private final DraftRepository drafts;

    CommentingPublicDates(DraftRepository drafts) {
        this.drafts = drafts;
    }

    @Override
    public List<PublicDate> datesOf(String tenantId) {
        List<PublicDate> dates = new ArrayList<>();
        for (Draft draft : drafts.findByTenantIdAndOpenedAtIsNotNullOrderByOpenedAtDesc(tenantId)) {
            dates.add(new PublicDate("entwurf-" + draft.getId() + "-ende", "Ende der Kommentierung: " + draft.getTitle(),
                draft.getClosesAt(), null, null, draft.getPlainSummary(), "/oeffentlich/entwuerfe/" + draft.getId(),
                draft.getOpenedAt()));
        }
        return dates;
    }
}
