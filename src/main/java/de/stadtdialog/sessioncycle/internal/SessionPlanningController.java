package de.stadtdialog.sessioncycle.internal;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.TenantRepository;
import de.stadtdialog.sessioncycle.NoticePeriod;
import de.stadtdialog.sessioncycle.SessionCycleService;
import de.stadtdialog.sessioncycle.SessionCycleService.PlanSession;
import de.stadtdialog.shared.InputRejectedException;
import de.stadtdialog.shared.StaffUser;
import de.stadtdialog.shared.StartForms;

/**
 * "Sitzung planen": staff enter a session, the session cycle starts, and they land on the new procedure's page.
 * Form errors (empty fields) and business-rule errors (notice period too short) appear next to their field, with
 * every entered value kept.
 */
@Controller
@RequestMapping("/sitzungsreihen")
class SessionPlanningController {

    static final String FORM = "sessionPlan";
    private static final Set<String> FORM_FIELDS = Set.of("tenantId", "body", "title", "startsAt", "location",
        "noticePeriod", "recipients");

    private final SessionCycleService sessionCycle;
    private final TenantRepository tenants;
    private final MessageSource messages;

    SessionPlanningController(SessionCycleService sessionCycle, TenantRepository tenants, MessageSource messages) {
        this.sessionCycle = sessionCycle;
        this.tenants = tenants;
        this.messages = messages;
    }

    /** What the form posts; the session's start is a local date-time in the municipality's time zone. */
    public static class SessionPlanForm {

        @NotBlank
        private String tenantId;

        @NotBlank
        @Size(max = 200)
        private String body;

        @NotBlank
        @Size(max = 200)
        private String title;

        @NotNull
        // what datetime-local sends; the German shapes for browsers that show a plain text field instead
        @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = {"yyyy-MM-dd'T'HH:mm:ss",
            "yyyy-MM-dd'T'HH:mm:ss.SSS", "dd.MM.yyyy HH:mm", "dd.MM.yyyy, HH:mm"})
        private LocalDateTime startsAt;

        @Size(max = 200)
        private String location;

        @NotBlank
        @Size(max = 32)
        private String noticePeriod = NoticePeriod.DEFAULT;

        @NotBlank
        private String recipients;

        public String getTenantId() {
            return tenantId;
        }

        public void setTenantId(String tenantId) {
            this.tenantId = tenantId;
        }

        public String getBody() {
            return body;
        }

        public void setBody(String body) {
            this.body = body;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public LocalDateTime getStartsAt() {
            return startsAt;
        }

        public void setStartsAt(LocalDateTime startsAt) {
            this.startsAt = startsAt;
        }

        public String getLocation() {
            return location;
        }

        public void setLocation(String location) {
            this.location = location;
        }

        public String getNoticePeriod() {
            return noticePeriod;
        }

        public void setNoticePeriod(String noticePeriod) {
            this.noticePeriod = noticePeriod;
        }

        public String getRecipients() {
            return recipients;
        }

        public void setRecipients(String recipients) {
            this.recipients = recipients;
        }

        PlanSession toCommand() {
            return new PlanSession(tenantId, body, title, startsAt.atZone(NoticePeriod.ZONE).toInstant(), location,
                noticePeriod, recipients);
        }
    }

    @GetMapping("/neu")
    String form(Model model) {
        SessionPlanForm form = new SessionPlanForm();
        List<String> own = StaffUser.current().tenants();
        if (own.size() == 1) {
            form.setTenantId(own.get(0));
        }
        model.addAttribute(FORM, form);
        return page(model);
    }

    @PostMapping("/neu")
    String plan(@Valid @ModelAttribute(FORM) SessionPlanForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, Locale locale) {
        StartForms.checkTenant(form.getTenantId(), errors);
        if (errors.hasErrors()) {
            return page(model);
        }
        Procedure procedure;
        try {
            procedure = sessionCycle.plan(form.toCommand());
        } catch (InputRejectedException rejected) {
            StartForms.show(rejected, errors, FORM_FIELDS);
            return page(model);
        }
        redirect.addFlashAttribute("flashMessage", messages.getMessage("sessioncycle.plan.planned",
            new Object[] {procedure.getTitle(), procedure.getBusinessKey()}, locale));
        redirect.addAttribute("businessKey", procedure.getBusinessKey());
        return "redirect:/verfahren/{businessKey}";
    }

    private String page(Model model) {
        model.addAttribute("tenants", tenants.findByIdInOrderByName(StaffUser.current().tenants()));
        return "sessioncycle/plan";
    }
}
