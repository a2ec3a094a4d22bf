package de.stadtdialog.guidelines.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.stadtdialog.guidelines.GuidelinesProcess;
import de.stadtdialog.guidelines.GuidelinesService;
import de.stadtdialog.guidelines.GuidelinesService.StartGuidelines;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.TenantRepository;
import de.stadtdialog.shared.InputRejectedException;
import de.stadtdialog.shared.StaffUser;
import de.stadtdialog.shared.StartForms;

/** Starts a guidelines procedure; everything else happens in its tasks and the templates' pages. */
@Controller
@RequestMapping("/leitlinien")
class GuidelinesStartController {

    static final String FORM = "guidelinesStart";
    private static final Set<String> FORM_FIELDS = Set.of("tenantId", "title", "workingGroup",
        "sessionNoticePeriod", "applicantRetention", "memberRetention", "evaluationAfter");

    private final GuidelinesService guidelines;
    private final TenantRepository tenants;
    private final MessageSource messages;

    GuidelinesStartController(GuidelinesService guidelines, TenantRepository tenants, MessageSource messages) {
        this.guidelines = guidelines;
        this.tenants = tenants;
        this.messages = messages;
    }

    public static class GuidelinesStartForm {

        @NotBlank
        private String tenantId;

        @NotBlank
        @Size(max = 200)
        private String title = "Leitlinien für Bürgerbeteiligung";

        @NotBlank
        @Size(max = 200)
        private String workingGroup = "Arbeitskreis Leitlinien für Bürgerbeteiligung";

        @NotBlank
        @Size(max = 32)
        private String sessionNoticePeriod = GuidelinesProcess.DEFAULT_SESSION_NOTICE_PERIOD;

        @NotBlank
        @Size(max = 32)
        private String applicantRetention = GuidelinesProcess.DEFAULT_RETENTION;

        @NotBlank
        @Size(max = 32)
        private String memberRetention = GuidelinesProcess.DEFAULT_RETENTION;

        @NotBlank
        @Size(max = 32)
        private String evaluationAfter = GuidelinesProcess.DEFAULT_EVALUATION_AFTER;

        public String getTenantId() {
            return tenantId;
        }

        public void setTenantId(String tenantId) {
            this.tenantId = tenantId;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getWorkingGroup() {
            return workingGroup;
        }

        public void setWorkingGroup(String workingGroup) {
            this.workingGroup = workingGroup;
        }

        public String getSessionNoticePeriod() {
            return sessionNoticePeriod;
        }

        public void setSessionNoticePeriod(String sessionNoticePeriod) {
            this.sessionNoticePeriod = sessionNoticePeriod;
        }

        public String getApplicantRetention() {
            return applicantRetention;
        }

        public void setApplicantRetention(String applicantRetention) {
            this.applicantRetention = applicantRetention;
        }

        public String getMemberRetention() {
            return memberRetention;
        }

        public void setMemberRetention(String memberRetention) {
            this.memberRetention = memberRetention;
        }

        public String getEvaluationAfter() {
            return evaluationAfter;
        }

        public void setEvaluationAfter(String evaluationAfter) {
            this.evaluationAfter = evaluationAfter;
        }

        StartGuidelines toCommand() {
            return new StartGuidelines(tenantId, title, workingGroup, sessionNoticePeriod, applicantRetention,
                memberRetention, evaluationAfter);
        }
    }

    @GetMapping("/neu")
    String form(Model model) {
        GuidelinesStartForm form = new GuidelinesStartForm();
        List<String> own = StaffUser.current().tenants();
        if (own.size() == 1) {
            form.setTenantId(own.get(0));
        }
        model.addAttribute(FORM, form);
        return page(model);
    }

    @PostMapping("/neu")
    String start(@Valid @ModelAttribute(FORM) GuidelinesStartForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, Locale locale) {
        StartForms.checkTenant(form.getTenantId(), errors);
        if (errors.hasErrors()) {
            return page(model);
        }
        Procedure procedure;
        try {
            procedure = guidelines.start(form.toCommand());
        } catch (InputRejectedException rejected) {
            StartForms.show(rejected, errors, FORM_FIELDS);
            return page(model);
        }
        redirect.addFlashAttribute("flashMessage", messages.getMessage("guidelines.start.started",
            new Object[] {procedure.getTitle(), procedure.getBusinessKey()}, locale));
        redirect.addAttribute("businessKey", procedure.getBusinessKey());
        return "redirect:/verfahren/{businessKey}";
    }

    private String page(Model model) {
        model.addAttribute("tenants", tenants.findByIdInOrderByName(StaffUser.current().tenants()));
        return "guidelines/start";
    }
}
