package de.stadtdialog.system;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Our controllers' redirects ({@code "redirect:…"}) answer {@code 303 See Other} through status and Location
 * header — the right answer after a POST — instead of {@code 302} through {@code sendRedirect}. {@code sendRedirect}
 * commits the response before Spring Session saves the session, and Spring Session then reads the session from the
 * database a second time: one statement per form submission, measured on the ballot POST (docs/performance.md
 * § Votes). Spring Security's own redirects (login, logout) keep their 302.
 */
@Configuration
class SeeOtherRedirects {

    @Bean
    static BeanPostProcessor redirectsAs303() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ThymeleafViewResolver resolver) {
                    resolver.setRedirectHttp10Compatible(false);
                }
                return bean;
            }
        };
    }
}
