package de.stadtdialog.citizen.internal;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.stadtdialog.citizen.internal.CitizenAccounts.LinkState;
import de.stadtdialog.citizen.internal.RegistrationController.EmailForm;

/**
 * "Passwort vergessen": the answer never says whether the address has an account. The link in the mail leads to
 * the new-password form; setting a password uses up the link and ends all sessions of the account.
 */
@Controller
class PasswordResetController {

    private final CitizenAccounts accounts;
    private final CitizenRepository citizens;
    private final CitizenSessions sessions;

    PasswordResetController(CitizenAccounts accounts, CitizenRepository citizens, CitizenSessions sessions) {
        this.accounts = accounts;
        this.citizens = citizens;
        this.sessions = sessions;
    }

    @GetMapping("/buerger/passwort-vergessen")
    String form(Model model) {
        model.addAttribute("citizenEmail", new EmailForm());
        return "citizen/password-forgotten";
    }

    @PostMapping("/buerger/passwort-vergessen")
    String request(@Valid @ModelAttribute("citizenEmail") EmailForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        if (errors.hasErrors()) {
            return "citizen/password-forgotten";
        }
        try {
            accounts.requestPasswordReset(form.getEmail(), ClientAddress.of(request));
        } catch (TooManyAttemptsException limit) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("retryAt", CitizenTimes.formatNotBefore(limit.retryAt()));
            return "citizen/password-forgotten";
        }
        return "redirect:/buerger/passwort-vergessen?gesendet";
    }

    public static class NewPasswordForm {

        private String token;

        @NotBlank
        @Size(min = CitizenPasswords.MIN_LENGTH, max = CitizenPasswords.MAX_BYTES)
        private String password;

        @NotBlank
        private String passwordRepeat;

        public String getToken() {
            return token;
        }

        public void setToken(String token) {
            this.token = token;
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
    }

    @GetMapping("/buerger/passwort-neu")
    String newPasswordForm(@RequestParam(required = false) String token, Model model,
            HttpServletResponse response) {
        LinkState state = accounts.resetState(token);
        if (state != LinkState.VALID) {
            return linkProblem(state, model, response);
        }
        NewPasswordForm form = new NewPasswordForm();
        form.setToken(token);
        model.addAttribute("citizenNewPassword", form);
        return "citizen/password-new";
    }

    @PostMapping("/buerger/passwort-neu")
    String setNewPassword(@Valid @ModelAttribute("citizenNewPassword") NewPasswordForm form, BindingResult errors,
            Model model, HttpServletResponse response) {
        LinkState state = accounts.resetState(form.getToken());
        if (state != LinkState.VALID) {
            return linkProblem(state, model, response);
        }
        Passwords.checkPair(form.getPassword(), form.getPasswordRepeat(), errors, "password", "passwordRepeat");
        if (errors.hasErrors()) {
            form.setPassword(null);
            form.setPasswordRepeat(null);
            return "citizen/password-new";
        }
        Optional<Long> citizenId = accounts.resetPassword(form.getToken(), form.getPassword());
        if (citizenId.isEmpty()) {
            return linkProblem(accounts.resetState(form.getToken()), model, response);
        }
        // whoever else may be logged in with the old password is logged out
        citizens.findById(citizenId.get()).ifPresent(c -> sessions.endAll(c.getId(), c.getUsername()));
        return "redirect:/buerger/anmelden?passwortGeaendert";
    }

    private static String linkProblem(LinkState state, Model model, HttpServletResponse response) {
        model.addAttribute("state", state.name());
        response.setStatus(state == LinkState.UNKNOWN ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
        return "citizen/password-link-problem";
    }
}
