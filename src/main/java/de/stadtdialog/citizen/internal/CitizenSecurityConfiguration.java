package de.stadtdialog.citizen.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import de.stadtdialog.citizen.CitizenUser;

/**
 * The citizens' own filter chain for {@code /buerger/**}, ahead of the staff chains. It knows only the citizens'
 * authentication ({@link CitizenAuthentication}). The login form is processed by {@link LoginController} (so
 * that a refused login can answer with its reason, the typed name and, for the rate limit, status 429), logout by
 * the chain. The session and its security context are shared with the staff chain, which therefore sees a
 * citizen as authenticated with {@code ROLE_citizen} only: every staff rule demands a staff role, so citizens get
 * 403 there, and {@code /engine-rest} ignores sessions altogether.
 */
@Configuration
class CitizenSecurityConfiguration {

    static final String LOGIN_PAGE = "/buerger/anmelden";
    static final String HOME = "/buerger/meine-daten";

    @Bean
    @Order(0)
    SecurityFilterChain citizenSecurity(HttpSecurity http, CitizenAuthentication authentication) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/buerger/**"))
            .authenticationManager(authentication.manager())
            .authorizeHttpRequests(auth -> auth
                .requestMatchers(LOGIN_PAGE, "/buerger/registrieren", "/buerger/registriert",
                    "/buerger/bestaetigen", "/buerger/bestaetigung-anfordern", "/buerger/passwort-vergessen",
                    "/buerger/passwort-neu", "/buerger/abbestellen", "/buerger/konto-geloescht",
                    "/buerger/datenschutz")
                .permitAll()
                .anyRequest().hasRole(CitizenUser.ROLE))
            .requestCache(cache -> cache.requestCache(new HttpSessionRequestCache()))
            .exceptionHandling(ex -> ex.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE)))
            .logout(logout -> logout.logoutUrl("/buerger/abmelden").logoutSuccessUrl(LOGIN_PAGE + "?abgemeldet"));
        return http.build();
    }
}
