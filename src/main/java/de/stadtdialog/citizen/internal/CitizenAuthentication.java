package de.stadtdialog.citizen.internal;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.stereotype.Component;

/**
 * The citizens' authentication manager: only {@link CitizenAuthenticationProvider}, without a parent, so staff
 * credentials never work for citizens and the other way round. Deliberately neither an
 * {@code AuthenticationManager} nor an {@code AuthenticationProvider} bean, which Spring Security would make the
 * global (staff) one.
 */
@Component
class CitizenAuthentication {

    private final ProviderManager manager;

    CitizenAuthentication(CitizenRepository citizens, CitizenPasswords passwords, CitizenTenant tenant,
            RateLimiter rateLimiter) {
        this.manager = new ProviderManager(new CitizenAuthenticationProvider(citizens, passwords, tenant,
            rateLimiter));
    }

    AuthenticationManager manager() {
        return manager;
    }
}
