package de.stadtdialog.citizen.internal;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The citizens' login. The form is processed here rather than by Spring Security's form-login filter so that a
 * refused login answers at once with its reason and the typed name, and a rate-limited one with status 429. A
 * successful login does what that filter would: new session id, new CSRF token, security context stored in the
 * session, back to the citizen page that asked for the login.
 */
@Controller
class LoginController {

    private final CitizenAuthentication authentication;
    private final SessionAuthenticationStrategy sessionStrategy = new CompositeSessionAuthenticationStrategy(
        List.of(new ChangeSessionIdAuthenticationStrategy(),
            new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository())));
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final RequestCache requestCache = new HttpSessionRequestCache();

    LoginController(CitizenAuthentication authentication) {
        this.authentication = authentication;
    }

    @GetMapping(CitizenSecurityConfiguration.LOGIN_PAGE)
    String loginPage(Authentication current) {
        if (RegistrationController.isCitizen(current)) {
            return "redirect:" + CitizenSecurityConfiguration.HOME;
        }
        return "citizen/login";
    }

    @PostMapping(CitizenSecurityConfiguration.LOGIN_PAGE)
    String login(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
            username.trim(), password);
        attempt.setDetails(new WebAuthenticationDetails(request));
        Authentication citizen;
        try {
            citizen = authentication.manager().authenticate(attempt);
        } catch (AuthenticationException refused) {
            model.addAttribute("username", username.trim());
            if (refused instanceof TooManyAttemptsException limit) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                model.addAttribute("retryAt", CitizenTimes.formatNotBefore(limit.retryAt()));
            } else {
                model.addAttribute("loginError", refused instanceof DisabledException ? "unconfirmed" : "wrong");
            }
            return "citizen/login";
        }
        sessionStrategy.onAuthentication(citizen, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(citizen);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:" + target(request, response);
    }

    /**
     * Back to the citizen page that asked for the login (e.g. "follow this procedure"); never to a staff page the
     * same browser tried before, which would only answer 403.
     */
    private String target(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        if (saved != null) {
            URI uri = URI.create(saved.getRedirectUrl());
            String context = request.getContextPath();
            if (uri.getRawPath() != null && uri.getRawPath().startsWith(context + "/buerger/")) {
                return uri.getRawPath().substring(context.length())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            }
        }
        return CitizenSecurityConfiguration.HOME;
    }
}
