package de.stadtdialog.council.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import de.stadtdialog.council.AgendaItemRepository;
import de.stadtdialog.council.Consultation;
import de.stadtdialog.council.CouncilDates;
import de.stadtdialog.council.CouncilService;
import de.stadtdialog.council.Meeting;
import de.stadtdialog.council.MeetingRepository;
import de.stadtdialog.council.Motion;
import de.stadtdialog.council.MotionRepository;
import de.stadtdialog.procedure.Tenant;
import de.stadtdialog.procedure.TenantRepository;

/**
 * The public council pages, without login: a motion once it is on an agenda (its consultations and, once
 * published, the decision), a meeting with its participation items, and the council calendar as iCalendar. Never
 * staff data: no authors, approvers, review comments or drafts.
 */
@Controller
@RequestMapping(CouncilPaths.PUBLIC)
@Transactional(readOnly = true)
class CouncilPublicController {

    private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final CouncilService council;
    private final CouncilCalendar calendar;
    private final MotionRepository motions;
    private final MeetingRepository meetings;
    private final AgendaItemRepository agendaItems;
    private final TenantRepository tenants;
    private final MessageSource messages;
    private final Clock clock;

    CouncilPublicController(CouncilService council, CouncilCalendar calendar, MotionRepository motions,
            MeetingRepository meetings, AgendaItemRepository agendaItems, TenantRepository tenants,
            MessageSource messages, Clock clock) {
        this.council = council;
        this.calendar = calendar;
        this.motions = motions;
        this.meetings = meetings;
        this.agendaItems = agendaItems;
        this.tenants = tenants;
        this.messages = messages;
        this.clock = clock;
    }

    record ConsultationView(String body, String role, boolean authoritative, Long meetingId, String meetingText,
            String result) {
    }

    record DecisionView(String result, String body, String date, String text, String deviationReasons) {
    }

    @GetMapping("/vorlagen/{id}")
    String motion(@PathVariable String id, Model model) {
        Motion motion = parseId(id).flatMap(motions::findById).filter(council::isPublic)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<ConsultationView> sequence = new ArrayList<>();
        for (Consultation consultation : council.currentConsultations(motion)) {
            Optional<Meeting> meeting = council.meetingOf(consultation);
            sequence.add(new ConsultationView(council.bodyName(consultation.getBodyId()),
                consultation.getRole().label(), consultation.isAuthoritative(),
                meeting.map(Meeting::getId).orElse(null),
                meeting.map(m -> CouncilDates.dateTime(m.getStartsAt())).orElse(null),
                consultation.getResult() == null ? null : consultation.getResult().label()));
        }
        model.addAttribute("motion", motion);
        model.addAttribute("consultations", sequence);
        model.addAttribute("decision", motion.isDecisionPublished() ? new DecisionView(motion.getDecision().label(),
            council.bodyName(motion.getDecidingBodyId()), CouncilDates.date(motion.getDecidedAt()),
            motion.getDecisionText(), motion.isDeviates() ? motion.getDeviationReasons() : null) : null);
        model.addAttribute("reportUrl", motion.getResultsReportUrl());
        return "council/public-motion";
    }

    @GetMapping("/sitzungen/{id}")
    String meeting(@PathVariable String id, Model model) {
        Meeting meeting = parseId(id).flatMap(meetings::findById).filter(m -> m.getInvitationSentAt() != null)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CouncilCalendar.MeetingView view = calendar.meetings(meeting.getTenantId(), meeting.getStartsAt(), true)
            .stream().filter(m -> m.id().equals(meeting.getId())).findFirst()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("meeting", view);
        return "council/public-meeting";
    }

    /** Upcoming and recent public meetings of one municipality ({@code ?mandant=}, default: the only one). */
    @GetMapping("/kalender.ics")
    ResponseEntity<String> calendarIcs(@RequestParam(name = "mandant", required = false) String tenantId,
            Locale locale) {
        Tenant tenant = chosenTenant(tenantId);
        Instant from = clock.instant().minusSeconds(90L * 24 * 3600);
        return ResponseEntity.ok().contentType(CALENDAR)
            .header("Content-Disposition", "inline; filename=\"ratskalender.ics\"")
            .body(calendar.ics(calendar.meetings(tenant.getId(), from, true),
                messages.getMessage("council.calendar.publicTitle", new Object[] {tenant.getName()}, locale)));
    }

    private Tenant chosenTenant(String tenantId) {
        if (tenantId != null && !tenantId.isBlank()) {
            return tenants.findById(tenantId.trim())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        List<Tenant> all = tenants.findAll();
        if (all.size() != 1) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "mandant");
        }
        return all.get(0);
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
