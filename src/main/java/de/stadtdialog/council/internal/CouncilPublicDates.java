package de.stadtdialog.council.internal;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import de.stadtdialog.portal.PublicDate;
import de.stadtdialog.portal.PublicDates;

/** Council meetings with participation items in the portal's public calendar; only announced meetings. */
@Component
class CouncilPublicDates implements PublicDates {

    private final CouncilCalendar calendar;

    CouncilPublicDates(CouncilCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public List<PublicDate> datesOf(String tenantId) {
        return calendar.meetings(tenantId, Instant.EPOCH, true).stream().map(meeting -> new PublicDate(
            "ratssitzung-" + meeting.id(), meeting.bodyName() + " – Sitzung", meeting.startsAt(), null,
            meeting.location(), meeting.items().stream().map(item -> "TOP " + item.number() + ": "
                + item.reference() + " " + item.subject()).collect(Collectors.joining("\n")),
            CouncilPaths.PUBLIC + "/sitzungen/" + meeting.id(), meeting.modifiedAt())).toList();
    }
}
