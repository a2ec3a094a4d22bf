package de.stadtdialog.citizen.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.citizen.internal.RateLimiter.Subject;

/**
 * Citizens log in with their username or e-mail address. Failed attempts are counted per account (or per typed
 * name, if there is no such account) and per client address; over the limit, even the right password is refused
 * until the window has moved on. Not a bean: only the citizens' filter chain may use it (see
 * {@link CitizenSecurityConfiguration}).
 */
class CitizenAuthenticationProvider implements AuthenticationProvider {

    static final String WRONG = "Benutzername, E-Mail-Adresse oder Passwort ist falsch.";

    private final CitizenRepository citizens;
    private final CitizenPasswords passwords;
    private final CitizenTenant tenant;
    private final RateLimiter rateLimiter;

    CitizenAuthenticationProvider(CitizenRepository citizens, CitizenPasswords passwords, CitizenTenant tenant,
            RateLimiter rateLimiter) {
        this.citizens = citizens;
        this.passwords = passwords;
        this.tenant = tenant;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName() == null ? "" : authentication.getName().trim();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String tenantId = tenant.id();
        Optional<Citizen> citizen = login.isEmpty() ? Optional.empty()
            : login.contains("@") ? citizens.findByTenantIdAndEmail(tenantId, Citizen.normaliseEmail(login))
            : citizens.findByTenantIdAndUsernameKey(tenantId, Citizen.usernameKey(login));
        Subject byAccount = citizen.map(CitizenAccounts::loginSubject)
            .orElseGet(() -> new Subject(RateLimitedAction.LOGIN_FAILURE_PER_USERNAME, "name:" + login));
        Subject byClient = new Subject(RateLimitedAction.LOGIN_FAILURE_PER_CLIENT, clientAddress(authentication));
        rateLimiter.check(tenantId, byAccount, byClient);

        if (!passwords.matches(password, citizen.map(Citizen::getPasswordHash).orElse(null))) {
            rateLimiter.record(tenantId, byAccount, byClient);
            throw new BadCredentialsException(WRONG);
        }
        Citizen found = citizen.get();
        if (!found.isConfirmed()) {
            throw new DisabledException("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse.");
        }
        rateLimiter.clear(tenantId, byAccount);
        CitizenUser user = new CitizenUser(found.getId(), found.getUsername(), found.getTenantId());
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
            List.of(new SimpleGrantedAuthority(CitizenUser.AUTHORITY)));
    }

    private static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
            && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
