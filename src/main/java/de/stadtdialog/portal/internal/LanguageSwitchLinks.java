package de.stadtdialog.portal.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The layout's "Deutsch · English" links keep the page's other query parameters (the municipality, filters,
 * paging), so switching the language never loses what the reader was looking at. Exposed as request attributes
 * {@code languageLinkDe} and {@code languageLinkEn}: relative links such as {@code ?mandant=x&lang=en}.
 */
@Configuration
class LanguageSwitchLinks implements WebMvcConfigurer, HandlerInterceptor {

    static final String GERMAN = "languageLinkDe";
    static final String ENGLISH = "languageLinkEn";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String others = request.getQueryString() == null ? "" : Arrays.stream(request.getQueryString().split("&"))
            .filter(pair -> !pair.isEmpty() && !pair.equals("lang") && !pair.startsWith("lang="))
            .collect(Collectors.joining("&"));
        String prefix = others.isEmpty() ? "?" : "?" + others + "&";
        request.setAttribute(GERMAN, prefix + "lang=de");
        request.setAttribute(ENGLISH, prefix + "lang=en");
        return true;
    }
}
