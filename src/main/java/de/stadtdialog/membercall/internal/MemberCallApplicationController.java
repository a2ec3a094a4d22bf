package de.stadtdialog.membercall.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.membercall.MemberApplication;
import de.stadtdialog.membercall.MemberApplicationRepository;
import de.stadtdialog.membercall.MemberCall;
import de.stadtdialog.membercall.MemberCallService;
import de.stadtdialog.membercall.MemberCallService.Apply;
import de.stadtdialog.shared.InputRejectedException;

/**
 * Applying to a call, for logged-in citizens (their account's e-mail address is already confirmed by double
 * opt-in): the form with the privacy notice and consent, the confirmation with the pseudonymous code, and
 * withdrawing. A rejected input is shown next to its field with every entered value kept; nothing is stored then.
 */
@Controller
@RequestMapping("/buerger/aufrufe")
class MemberCallApplicationController {

    private final MemberCallService service;
    private final MemberApplicationRepository applications;
    private final MessageSource messages;
    private final Clock clock;

    MemberCallApplicationController(MemberCallService service, MemberApplicationRepository applications,
            MessageSource messages, Clock clock) {
        this.service = service;
        this.applications = applications;
        this.messages = messages;
        this.clock = clock;
    }

    /** What the form posts; {@code features} holds one value per quota category. */
    public static class ApplicationForm {

        private String name;
        private String email;
        private String birthYear;
        private boolean residenceConfirmed;
        private boolean consent;
        private Map<String, String> features = new LinkedHashMap<>();

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getBirthYear() {
            return birthYear;
        }

        public void setBirthYear(String birthYear) {
            this.birthYear = birthYear;
        }

        public boolean isResidenceConfirmed() {
            return residenceConfirmed;
        }

        public void setResidenceConfirmed(boolean residenceConfirmed) {
            this.residenceConfirmed = residenceConfirmed;
        }

        public boolean isConsent() {
            return consent;
        }

        public void setConsent(boolean consent) {
            this.consent = consent;
        }

        public Map<String, String> getFeatures() {
            return features;
        }

        public void setFeatures(Map<String, String> features) {
            this.features = features;
        }
    }

    @GetMapping("/{callId}/bewerbung")
    String form(@PathVariable Long callId, Model model) {
        MemberCall call = callForCitizen(callId);
        model.addAttribute("form", new ApplicationForm());
        return page(call, model, Map.of());
    }

    @PostMapping("/{callId}/bewerbung")
    String apply(@PathVariable Long callId, @ModelAttribute("form") ApplicationForm form, Model model,
            RedirectAttributes redirect, Locale locale) {
        MemberCall call = callForCitizen(callId);
        CitizenUser citizen = CitizenUser.current().orElseThrow();
        Map<String, String> errors = new HashMap<>();
        Integer birthYear = null;
        if (form.getBirthYear() != null && !form.getBirthYear().isBlank()) {
            try {
                birthYear = Integer.valueOf(form.getBirthYear().trim());
            } catch (NumberFormatException e) {
                errors.put("birthYear", messages.getMessage("membercall.apply.birthYear.invalid", null, locale));
            }
        }
        if (errors.isEmpty()) {
            try {
                MemberApplication application = service.apply(call.getId(), new Apply(form.getName(),
                    form.getEmail(), citizen.id(), birthYear, form.isResidenceConfirmed(), form.getFeatures(),
                    form.isConsent()));
                redirect.addAttribute("applicationId", application.getId());
                return "redirect:/buerger/aufrufe/bewerbungen/{applicationId}";
            } catch (InputRejectedException rejected) {
                errors.put(rejected.field() == null ? "global" : rejected.field(), rejected.getMessage());
            }
        }
        model.addAttribute("form", form);
        return page(call, model, errors);
    }

    @GetMapping("/bewerbungen/{applicationId}")
    String confirmation(@PathVariable Long applicationId, Model model) {
        MemberApplication application = own(applicationId);
        model.addAttribute("mine", application);
        model.addAttribute("call", service.call(application.getCallId()));
        model.addAttribute("texts", new MemberCallViews());
        return "membercall/confirmation";
    }

    @PostMapping("/bewerbungen/{applicationId}/zurueckziehen")
    String withdraw(@PathVariable Long applicationId, RedirectAttributes redirect, Locale locale) {
        MemberApplication application = own(applicationId);
        try {
            service.withdraw(application.getId(), application.getCitizenAccountId());
            redirect.addFlashAttribute("flashMessage", messages.getMessage("membercall.apply.withdrawn", null,
                locale));
        } catch (InputRejectedException rejected) {
            redirect.addFlashAttribute("flashError", rejected.getMessage());
        }
        redirect.addAttribute("applicationId", applicationId);
        return "redirect:/buerger/aufrufe/bewerbungen/{applicationId}";
    }

    private String page(MemberCall call, Model model, Map<String, String> errors) {
        model.addAttribute("call", call);
        model.addAttribute("errors", errors);
        model.addAttribute("open", call.isOpenForApplications(clock.instant()));
        model.addAttribute("texts", new MemberCallViews());
        return "membercall/apply";
    }

    private MemberCall callForCitizen(Long callId) {
        CitizenUser citizen = CitizenUser.current().orElseThrow();
        MemberCall call;
        try {
            call = service.call(callId);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (call.getPublishedAt() == null || !call.getTenantId().equals(citizen.tenantId())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return call;
    }

    private MemberApplication own(Long applicationId) {
        CitizenUser citizen = CitizenUser.current().orElseThrow();
        return applications.findById(applicationId)
            .filter(a -> citizen.id().equals(a.getCitizenAccountId()))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
