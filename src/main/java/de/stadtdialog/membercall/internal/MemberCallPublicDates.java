package de.stadtdialog.membercall.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import de.stadtdialog.membercall.MemberCall;
import de.stadtdialog.membercall.MemberCallRepository;
import de.stadtdialog.portal.PublicDate;
import de.stadtdialog.portal.PublicDates;

/** The application deadline of every published call, for the portal's calendar feed; it moves with extensions. */
@Component
class MemberCallPublicDates implements PublicDates {

    private final MemberCallRepository calls;

    MemberCallPublicDates(MemberCallRepository calls) {
        this.calls = calls;
    }

    @Override
    public List<PublicDate> datesOf(String tenantId) {
        return calls.findByTenantIdAndPublishedAtIsNotNullOrderByDeadlineDesc(tenantId).stream()
            .map(MemberCallPublicDates::deadline).toList();
    }

    private static PublicDate deadline(MemberCall call) {
        return new PublicDate("membercall-" + call.getId() + "-deadline", "Bewerbungsschluss: " + call.getTitle(),
            call.getDeadline(), null, null, call.getWorkingGroup(), "/oeffentlich/aufrufe/" + call.getId(),
            call.getPublishedAt());
    }
}
