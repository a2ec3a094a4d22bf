package de.stadtdialog.council.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.stadtdialog.council.ConsultationResult;
import de.stadtdialog.council.CouncilDates;
import de.stadtdialog.council.CouncilService;
import de.stadtdialog.council.CouncilService.AgendaEntry;
import de.stadtdialog.council.CouncilService.CalendarEntry;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;

/**
 * Meetings with participation items, for the secretariat's calendar and (only published facts) the public one.
 * Public: a meeting appears once its invitation went out; an item shows its result only once recorded, and the
 * motion's page link only then too.
 */
@Component
@Transactional(readOnly = true)
class CouncilCalendar {

    private final CouncilService council;
    private final ProcedureRepository procedures;
    private final Clock clock;
    private final String publicBaseUrl;

    CouncilCalendar(CouncilService council, ProcedureRepository procedures, Clock clock,
            @Value("${stadtdialog.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.council = council;
        this.procedures = procedures;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    record ItemView(int number, Long motionId, String reference, String subject, String role, boolean authoritative,
            String result, String procedureKey) {
    }

    record MeetingView(Long id, String tenantId, String bodyName, Instant startsAt, String location,
            Instant invitationSentAt, Instant modifiedAt, List<ItemView> items) {

        public String startsAtText() {
            return CouncilDates.dateTime(startsAt);
        }

        public String invitationSentAtText() {
            return CouncilDates.dateTime(invitationSentAt);
        }
    }

    List<MeetingView> meetings(String tenantId, Instant from, boolean publicOnly) {
        return council.calendar(tenantId, from).stream()
            .filter(entry -> !publicOnly || entry.meeting().getInvitationSentAt() != null)
            .map(entry -> view(entry, publicOnly)).toList();
    }

    private MeetingView view(CalendarEntry entry, boolean publicOnly) {
        List<ItemView> items = entry.items().stream().map(item -> item(item, publicOnly)).toList();
        return new MeetingView(entry.meeting().getId(), entry.meeting().getTenantId(), entry.bodyName(),
            entry.meeting().getStartsAt(), entry.meeting().getLocation(), entry.meeting().getInvitationSentAt(),
            entry.meeting().getModifiedAt(), items);
    }

    private ItemView item(AgendaEntry entry, boolean publicOnly) {
        ConsultationResult result = entry.item().getResult();
        String procedureKey = publicOnly ? null : procedures.findById(entry.motion().getProcedureId())
            .map(Procedure::getBusinessKey).orElse(null);
        return new ItemView(entry.item().getNumber(), entry.motion().getId(), entry.motion().getReference(),
            entry.motion().getSubject(), entry.consultation().getRole().label(),
            entry.consultation().isAuthoritative(), result == null ? null : result.label(), procedureKey);
    }

    String ics(List<MeetingView> meetings, String name) {
        ICalendarText ics = new ICalendarText().begin("VCALENDAR").raw("VERSION", "2.0")
            .raw("PRODID", "-//Stadtdialog//Ratskalender//DE").raw("CALSCALE", "GREGORIAN")
            .raw("METHOD", "PUBLISH").text("X-WR-CALNAME", name);
        Instant now = clock.instant();
        for (MeetingView meeting : meetings) {
            StringBuilder agenda = new StringBuilder();
            for (ItemView item : meeting.items()) {
                agenda.append("TOP ").append(item.number()).append(": ").append(item.reference()).append(" ")
                    .append(item.subject()).append(" (").append(item.role()).append(")")
                    .append(item.result() == null ? "" : " – " + item.result()).append("\n");
            }
            ics.begin("VEVENT").text("UID", "council-meeting-" + meeting.id() + "@stadtdialog")
                .time("DTSTAMP", meeting.modifiedAt() != null ? meeting.modifiedAt() : now)
                .time("LAST-MODIFIED", meeting.modifiedAt())
                .time("DTSTART", meeting.startsAt())
                .text("SUMMARY", meeting.bodyName() + " – Sitzung")
                .text("LOCATION", meeting.location())
                .text("DESCRIPTION", agenda.toString().trim())
                .raw("URL", publicBaseUrl + CouncilPaths.PUBLIC + "/sitzungen/" + meeting.id())
                .end("VEVENT");
        }
        return ics.end("VCALENDAR").toString();
    }
}
