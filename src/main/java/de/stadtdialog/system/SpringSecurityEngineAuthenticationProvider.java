package de.stadtdialog.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import de.stadtdialog.shared.StaffUser;

/**
 * Hands the staff member authenticated by Spring Security to the Camunda webapps and to {@code /engine-rest}, so
 * one login serves everything and the engine's authorizations apply to that user's groups and tenants.
 * Instantiated by Camunda's filters from its class name, hence public with a no-argument constructor.
 */
public class SpringSecurityEngineAuthenticationProvider implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof StaffUser staff)) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(staff.id());
        result.setGroups(staff.groups());
        result.setTenants(staff.tenants());
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Stadtdialog\"");
    }
}
