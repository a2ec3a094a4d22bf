package de.stadtdialog.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One session lookup per request instead of two. Spring Session (3.5) reads the requested session from the
 * database when the request first needs it, and again when it saves the session at the end of the request (to
 * decide whether to send the cookie), unless the request has asked {@code isRequestedSessionIdValid()} before: that
 * answer is kept for the rest of the request. Asking right after the session filter makes the first lookup the only
 * one (measured by the voting benchmark: 9 → 8 statements per ballot). A request without a session cookie asks
 * nothing of the database; one with a cookie would read its session anyway to find its security context.
 */
@Configuration
class SessionLookupOnce {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sessionLookupOnceFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                        FilterChain chain) throws ServletException, IOException {
                    if (request.getRequestedSessionId() != null) {
                        request.isRequestedSessionIdValid();
                    }
                    chain.doFilter(request, response);
                }
            });
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        registration.setName("sessionLookupOnce");
        return registration;
    }
}
