package de.stadtdialog.citizen.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.citizen.internal.CitizenAccounts.LinkState;
import de.stadtdialog.citizen.internal.CitizenAccounts.Registration;
import de.stadtdialog.shared.InputRejectedException;

/**
 * Registration and its double opt-in: the form (with the Art. 13 notice beside it), the "check your mail" page,
 * the page behind the link (a button confirms: mail scanners that open links must not confirm for the person),
 * and asking for a new link.
 */
@Controller
class RegistrationController {

    static final String FORM = "citizenRegistration";

    private final CitizenAccounts accounts;
    private final CitizenTenant tenant;

    RegistrationController(CitizenAccounts accounts, CitizenTenant tenant) {
        this.accounts = accounts;
        this.tenant = tenant;
    }

    public static class RegistrationForm {

        @NotBlank
        @Size(min = 3, max = 30)
        @Pattern(regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*")
        private String username;

        @NotBlank
        @Size(max = 100)
        private String firstName;

        @NotBlank
        @Size(max = 100)
        private String lastName;

        @NotBlank
        @Size(max = 254)
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
        private String email;

        @NotBlank
        @Size(min = CitizenPasswords.MIN_LENGTH, max = CitizenPasswords.MAX_BYTES)
        private String password;

        @NotBlank
        private String passwordRepeat;

        @AssertTrue
        private boolean consent;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getFirstName() {
            return firstName;
        }

        public void setFirstName(String firstName) {
            this.firstName = firstName;
        }

        public String getLastName() {
            return lastName;
        }

        public void setLastName(String lastName) {
            this.lastName = lastName;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getPasswordRepeat() {
            return passwordRepeat;
        }

        public void setPasswordRepeat(String passwordRepeat) {
            this.passwordRepeat = passwordRepeat;
        }

        public boolean isConsent() {
            return consent;
        }

        public void setConsent(boolean consent) {
            this.consent = consent;
        }

        Registration toCommand() {
            return new Registration(username, firstName, lastName, email, password);
        }
    }

    @GetMapping("/buerger/registrieren")
    String form(Model model, Authentication authentication) {
        if (isCitizen(authentication)) {
            return "redirect:" + CitizenSecurityConfiguration.HOME;
        }
        model.addAttribute(FORM, new RegistrationForm());
        return "citizen/register";
    }

    @PostMapping("/buerger/registrieren")
    String register(@Valid @ModelAttribute(FORM) RegistrationForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Passwords.checkPair(form.getPassword(), form.getPasswordRepeat(), errors, "password", "passwordRepeat");
        if (!errors.hasFieldErrors("username")) {
            accounts.usernameProblem(tenant.id(), form.getUsername())
                .ifPresent(problem -> errors.rejectValue("username", problem));
        }
        if (errors.hasErrors()) {
            return page(form);
        }
        try {
            accounts.register(form.toCommand(), ClientAddress.of(request));
        } catch (TooManyAttemptsException limit) {
            return tooMany(limit, model, response, form);
        } catch (InputRejectedException | DataIntegrityViolationException raceForTheSameName) {
            // someone took the name between the check above and the registration
            errors.rejectValue("username", "taken");
            return page(form);
        }
        return "redirect:/buerger/registriert";
    }

    private static String page(RegistrationForm form) {
        // passwords are never sent back into the page
        form.setPassword(null);
        form.setPasswordRepeat(null);
        return "citizen/register";
    }

    private static String tooMany(TooManyAttemptsException limit, Model model, HttpServletResponse response,
            RegistrationForm form) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        model.addAttribute("retryAt", CitizenTimes.formatNotBefore(limit.retryAt()));
        return page(form);
    }

    /** The Art. 13 notice on its own page, e.g. to link from mails. */
    @GetMapping("/buerger/datenschutz")
    String privacy() {
        return "citizen/privacy";
    }

    @GetMapping("/buerger/registriert")
    String registered() {
        return "citizen/registered";
    }

    @GetMapping("/buerger/bestaetigen")
    String confirmPage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        LinkState state = accounts.confirmationState(token);
        if (state == LinkState.VALID) {
            model.addAttribute("token", token);
            return "citizen/confirm";
        }
        return linkProblem(state, model, response);
    }

    @PostMapping("/buerger/bestaetigen")
    String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        LinkState state = accounts.confirm(token);
        if (state == LinkState.VALID) {
            return "redirect:/buerger/anmelden?bestaetigt";
        }
        return linkProblem(state, model, response);
    }

    private static String linkProblem(LinkState state, Model model, HttpServletResponse response) {
        model.addAttribute("state", state.name());
        response.setStatus(switch (state) {
            case USED -> HttpStatus.OK.value();
            case EXPIRED -> HttpStatus.GONE.value();
            default -> HttpStatus.NOT_FOUND.value();
        });
        return "citizen/confirm-problem";
    }

    /** "Neuen Bestätigungslink anfordern" */
    public static class EmailForm {

        @NotBlank
        @Size(max = 254)
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
        private String email;

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }
    }

    @GetMapping("/buerger/bestaetigung-anfordern")
    String newLinkForm(Model model) {
        model.addAttribute("citizenEmail", new EmailForm());
        return "citizen/new-link";
    }

    @PostMapping("/buerger/bestaetigung-anfordern")
    String requestNewLink(@Valid @ModelAttribute("citizenEmail") EmailForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        if (errors.hasErrors()) {
            return "citizen/new-link";
        }
        try {
            accounts.requestNewConfirmation(form.getEmail(), ClientAddress.of(request));
        } catch (TooManyAttemptsException limit) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("retryAt", CitizenTimes.formatNotBefore(limit.retryAt()));
            return "citizen/new-link";
        }
        return "redirect:/buerger/registriert?erneut";
    }

    static boolean isCitizen(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CitizenUser;
    }
}
