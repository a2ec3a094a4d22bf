package de.stadtdialog.system;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import de.stadtdialog.shared.Roles;

/**
 * One login for our pages and the Camunda webapps (form login, session), HTTP basic for {@code /engine-rest}
 * (Camunda Modeler deploys with it). What a role may do inside the engine is decided by the engine's
 * authorizations, see {@link RoleAuthorizations}.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    private static final String[] STAFF = Roles.ALL.toArray(String[]::new);

    @Bean
    @Order(1)
    SecurityFilterChain engineRestSecurity(HttpSecurity http, StaffAuthenticationProvider staff) throws Exception {
        BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName("Stadtdialog");
        http.securityMatcher(path("/engine-rest/**"))
            .authenticationProvider(staff)
            .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole(STAFF))
            .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint))
            // a REST client sends no browser cookies that could be abused; basic credentials on every call
            .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, StaffAuthenticationProvider staff) throws Exception {
        http.authenticationProvider(staff)
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/", "/login", "/error", "/error/**", "/css/**", "/js/**", "/img/**",
                    "/webjars/**", "/favicon.ico", "/oeffentlich/**", "/oparl/**")
                .permitAll()
                .requestMatchers("/aufgaben/**").hasAnyRole(Roles.OFFICER, Roles.COORDINATION, Roles.SECRETARIAT)
                .requestMatchers("/verfahren/**")
                .hasAnyRole(Roles.SECRETARIAT, Roles.COORDINATION, Roles.OFFICER, Roles.ADMIN)
                .requestMatchers("/sitzungsreihen/**").hasAnyRole(Roles.OFFICER, Roles.COORDINATION)
                .requestMatchers("/abstimmungen/**").hasAnyRole(Roles.OFFICER, Roles.COORDINATION)
                .requestMatchers("/kommentierung/**").hasAnyRole(Roles.OFFICER, Roles.COORDINATION)
                .requestMatchers("/aufrufe/**").hasAnyRole(Roles.OFFICER, Roles.COORDINATION)
                .requestMatchers("/vorhaben/**").hasAnyRole(Roles.OFFICER, Roles.COORDINATION)
                .requestMatchers("/rat/**").hasAnyRole(Roles.SECRETARIAT, Roles.OFFICER, Roles.COORDINATION)
                .requestMatchers("/leitlinien/**").hasAnyRole(Roles.OFFICER, Roles.COORDINATION)
                .requestMatchers("/postausgang/**")
                .hasAnyRole(Roles.OFFICER, Roles.COORDINATION, Roles.SECRETARIAT, Roles.ADMIN)
                .requestMatchers(path("/camunda/**")).hasAnyRole(STAFF)
                .anyRequest().hasAnyRole(STAFF))
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/start", false).permitAll())
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
            // the Camunda webapps protect their API with their own CSRF token filter
            .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/api/**")))
            .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                request -> "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))));
        return http.build();
    }

    /** Servlet-path-independent matching: the engine REST API and the webapps are not Spring MVC. */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
            new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of(
            "authentication-provider", SpringSecurityEngineAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
            new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setInitParameters(Map.of(
            "authentication-provider", SpringSecurityEngineAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
