package de.stadtdialog.membercall.internal;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.stadtdialog.membercall.MemberCall;
import de.stadtdialog.membercall.MemberCallService;
import de.stadtdialog.membercall.MemberCallService.CreateCall;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.TenantRepository;
import de.stadtdialog.shared.InputRejectedException;
import de.stadtdialog.shared.StaffUser;
import de.stadtdialog.shared.StartForms;

/**
 * Staff pages of calls for members: "Aufruf anlegen" creates the call and starts its process (the officer then
 * describes it in the tasklist), and the call's page lists the applications with their status and flags, the
 * lottery runs, and offers extending the deadline and recording that a member left.
 */
@Controller
@RequestMapping("/aufrufe")
class MemberCallStaffController {

    static final String FORM = "newCall";
    private static final Set<String> FORM_FIELDS = Set.of("tenantId", "title", "workingGroup",
        "applicantRetention", "memberRetention");

    private final MemberCallService service;
    private final TenantRepository tenants;
    private final MessageSource messages;

    MemberCallStaffController(MemberCallService service, TenantRepository tenants, MessageSource messages) {
        this.service = service;
        this.tenants = tenants;
        this.messages = messages;
    }

    public static class NewCallForm {

        @NotBlank
        private String tenantId;

        @NotBlank
        @Size(max = 200)
        private String title;

        @NotBlank
        @Size(max = 200)
        private String workingGroup;

        @Size(max = 32)
        private String applicantRetention = "P3M";

        @Size(max = 32)
        private String memberRetention = "P3M";

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
    }

    /** The calls of the user's municipalities, newest first. */
    @GetMapping
    String list(Model model) {
        model.addAttribute("calls", service.callsOf(StaffUser.current().tenants()));
        model.addAttribute("texts", new MemberCallViews());
        return "membercall/staff-list";
    }

    @GetMapping("/neu")
    String form(Model model) {
        NewCallForm form = new NewCallForm();
        List<String> own = StaffUser.current().tenants();
        if (own.size() == 1) {
            form.setTenantId(own.get(0));
        }
        model.addAttribute(FORM, form);
        return newPage(model);
    }

    @PostMapping("/neu")
    String create(@Valid @ModelAttribute(FORM) NewCallForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, Locale locale) {
        StartForms.checkTenant(form.getTenantId(), errors);
        if (errors.hasErrors()) {
            return newPage(model);
        }
        Procedure procedure;
        try {
            procedure = service.create(new CreateCall(form.getTenantId(), form.getTitle(), form.getWorkingGroup(),
                StaffUser.current().id(), form.getApplicantRetention(), form.getMemberRetention()));
        } catch (InputRejectedException rejected) {
            StartForms.show(rejected, errors, FORM_FIELDS);
            return newPage(model);
        }
        redirect.addFlashAttribute("flashMessage", messages.getMessage("membercall.new.created",
            new Object[] {procedure.getTitle(), procedure.getBusinessKey()}, locale));
        redirect.addAttribute("businessKey", procedure.getBusinessKey());
        return "redirect:/verfahren/{businessKey}";
    }

    private String newPage(Model model) {
        model.addAttribute("tenants", tenants.findByIdInOrderByName(StaffUser.current().tenants()));
        return "membercall/new";
    }

    @GetMapping("/{callId}")
    String call(@PathVariable Long callId, Model model) {
        MemberCall call = ownCall(callId);
        model.addAttribute("call", call);
        model.addAttribute("procedure", service.procedure(call));
        model.addAttribute("applications", service.applications(callId));
        model.addAttribute("nominations", service.nominations(callId));
        model.addAttribute("runs", service.runs(callId));
        model.addAttribute("texts", new MemberCallViews());
        return "membercall/staff-call";
    }

    @PostMapping("/{callId}/frist")
    String extend(@PathVariable Long callId,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime newDeadline,
            @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        MemberCall call = ownCall(callId);
        try {
            if (newDeadline == null) {
                throw new InputRejectedException("newDeadline", messages.getMessage("membercall.staff.extend.missing",
                    null, locale));
            }
            service.extendDeadline(call.getId(), newDeadline.atZone(MemberCallService.ZONE).toInstant(), reason,
                StaffUser.current().id());
            redirect.addFlashAttribute("flashMessage", messages.getMessage("membercall.staff.extend.done", null,
                locale));
        } catch (InputRejectedException rejected) {
            redirect.addFlashAttribute("flashError", rejected.getMessage());
        }
        return "redirect:/aufrufe/" + callId;
    }

    @PostMapping("/{callId}/ausgeschieden")
    String memberLeft(@PathVariable Long callId, @RequestParam Long applicationId, RedirectAttributes redirect,
            Locale locale) {
        ownCall(callId);
        try {
            service.memberLeft(callId, applicationId);
            redirect.addFlashAttribute("flashMessage", messages.getMessage("membercall.staff.left.done", null,
                locale));
        } catch (InputRejectedException rejected) {
            redirect.addFlashAttribute("flashError", rejected.getMessage());
        }
        return "redirect:/aufrufe/" + callId;
    }

    private MemberCall ownCall(Long callId) {
        MemberCall call;
        try {
            call = service.call(callId);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!StaffUser.current().tenants().contains(call.getTenantId())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return call;
    }
}
