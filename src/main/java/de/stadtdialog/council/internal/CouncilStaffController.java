package de.stadtdialog.council.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.stadtdialog.council.CouncilDates;
import de.stadtdialog.council.CouncilService;
import de.stadtdialog.council.CouncilService.StartCouncilDecision;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.TenantRepository;
import de.stadtdialog.shared.InputRejectedException;
import de.stadtdialog.shared.StaffUser;
import de.stadtdialog.shared.StartForms;

/**
 * The secretariat's and officers' council pages: start a council decision on its own ("Ratsentscheidung
 * vorbereiten") and the council calendar of meetings with participation items, as HTML and iCalendar.
 */
@Controller
@RequestMapping(CouncilPaths.STAFF)
class CouncilStaffController {

    static final String FORM = "councilStart";
    private static final Set<String> FORM_FIELDS = Set.of("tenantId", "subject", "participationProcedureKey",
        "participationFormat", "resultsReportUrl", "noticePeriod", "evaluationAfter");
    private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final CouncilService council;
    private final CouncilCalendar calendar;
    private final TenantRepository tenants;
    private final MessageSource messages;
    private final RisPollStateRepository risPolls;

    CouncilStaffController(CouncilService council, CouncilCalendar calendar, TenantRepository tenants,
            MessageSource messages, RisPollStateRepository risPolls) {
        this.council = council;
        this.calendar = calendar;
        this.tenants = tenants;
        this.messages = messages;
        this.risPolls = risPolls;
    }

    /** The last poll of a municipality's council information system, as the secretariat reads it. */
    record RisStatus(String tenantId, String lastRunAt, boolean failed, String message) {
    }

    public static class CouncilStartForm {

        @NotBlank
        private String tenantId;

        @NotBlank
        @Size(max = 300)
        private String subject;

        @Size(max = 64)
        private String participationProcedureKey;

        @Size(max = 64)
        private String participationFormat;

        @Size(max = 500)
        private String resultsReportUrl;

        @NotBlank
        @Size(max = 32)
        private String noticePeriod = "P4D";

        @NotBlank
        @Size(max = 32)
        private String evaluationAfter = "P2Y";

        public String getTenantId() {
            return tenantId;
        }

        public void setTenantId(String tenantId) {
            this.tenantId = tenantId;
        }

        public String getSubject() {
            return subject;
        }

        public void setSubject(String subject) {
            this.subject = subject;
        }

        public String getParticipationProcedureKey() {
            return participationProcedureKey;
        }

        public void setParticipationProcedureKey(String participationProcedureKey) {
            this.participationProcedureKey = participationProcedureKey;
        }

        public String getParticipationFormat() {
            return participationFormat;
        }

        public void setParticipationFormat(String participationFormat) {
            this.participationFormat = participationFormat;
        }

        public String getResultsReportUrl() {
            return resultsReportUrl;
        }

        public void setResultsReportUrl(String resultsReportUrl) {
            this.resultsReportUrl = resultsReportUrl;
        }

        public String getNoticePeriod() {
            return noticePeriod;
        }

        public void setNoticePeriod(String noticePeriod) {
            this.noticePeriod = noticePeriod;
        }

        public String getEvaluationAfter() {
            return evaluationAfter;
        }

        public void setEvaluationAfter(String evaluationAfter) {
            this.evaluationAfter = evaluationAfter;
        }

        StartCouncilDecision toCommand() {
            return new StartCouncilDecision(tenantId, subject, participationProcedureKey, participationFormat,
                resultsReportUrl, noticePeriod, evaluationAfter);
        }
    }

    @GetMapping("/neu")
    String form(Model model) {
        CouncilStartForm form = new CouncilStartForm();
        List<String> own = StaffUser.current().tenants();
        if (own.size() == 1) {
            form.setTenantId(own.get(0));
        }
        model.addAttribute(FORM, form);
        return page(model);
    }

    @PostMapping("/neu")
    String start(@Valid @ModelAttribute(FORM) CouncilStartForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, Locale locale) {
        StartForms.checkTenant(form.getTenantId(), errors);
        if (errors.hasErrors()) {
            return page(model);
        }
        Procedure procedure;
        try {
            procedure = council.start(form.toCommand());
        } catch (InputRejectedException rejected) {
            StartForms.show(rejected, errors, FORM_FIELDS);
            return page(model);
        }
        redirect.addFlashAttribute("flashMessage", messages.getMessage("council.start.started",
            new Object[] {procedure.getTitle(), procedure.getBusinessKey()}, locale));
        redirect.addAttribute("businessKey", procedure.getBusinessKey());
        return "redirect:/verfahren/{businessKey}";
    }

    /** Meetings from the given day on (default: four weeks back), of every municipality the user works for. */
    @GetMapping("/kalender")
    String calendar(@RequestParam(name = "ab", required = false) LocalDate from, Model model) {
        LocalDate start = from != null ? from : LocalDate.now(CouncilDates.ZONE).minusWeeks(4);
        List<CouncilCalendar.MeetingView> meetings = new ArrayList<>();
        for (String tenant : StaffUser.current().tenants()) {
            meetings.addAll(calendar.meetings(tenant, start.atStartOfDay(CouncilDates.ZONE).toInstant(), false));
        }
        meetings.sort((a, b) -> a.startsAt().compareTo(b.startsAt()));
        model.addAttribute("meetings", meetings);
        model.addAttribute("from", start);
        model.addAttribute("risStatus", StaffUser.current().tenants().stream().map(risPolls::findById)
            .flatMap(java.util.Optional::stream).filter(state -> state.getLastRunAt() != null)
            .map(state -> new RisStatus(state.getTenantId(), CouncilDates.dateTime(state.getLastRunAt()),
                state.isLastRunFailed(), state.getLastMessage()))
            .toList());
        return "council/calendar";
    }

    @GetMapping("/kalender.ics")
    ResponseEntity<String> calendarIcs(Locale locale) {
        Instant from = LocalDate.now(CouncilDates.ZONE).minusMonths(3).atStartOfDay(CouncilDates.ZONE).toInstant();
        List<CouncilCalendar.MeetingView> meetings = new ArrayList<>();
        for (String tenant : StaffUser.current().tenants()) {
            meetings.addAll(calendar.meetings(tenant, from, false));
        }
        return ResponseEntity.ok().contentType(CALENDAR)
            .header("Content-Disposition", "inline; filename=\"ratskalender.ics\"")
            .body(calendar.ics(meetings, messages.getMessage("council.calendar.title", null, locale)));
    }

    private String page(Model model) {
        model.addAttribute("tenants", tenants.findByIdInOrderByName(StaffUser.current().tenants()));
        return "council/start";
    }
}
