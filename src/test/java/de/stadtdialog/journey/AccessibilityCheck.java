package de.stadtdialog.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * axe-core (the webjar on the test classpath, no node toolchain) run in a journey's browser: the WCAG 2.1 A/AA
 * violations of each checked page are printed; serious and critical ones are the barriers a journey must not leave.
 */
final class AccessibilityCheck {

    private static final String RUN_AXE = """
        var done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], resultTypes: ['violations']})
          .then(function (result) { done(JSON.stringify(result.violations)); })
          .catch(function (error) { done(JSON.stringify({error: String(error)})); });
        """;

    private final WebDriver browser;
    private final String axe;
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> barriers = new ArrayList<>();

    AccessibilityCheck(WebDriver browser) throws IOException {
        this.browser = browser;
        this.axe = axeFromClasspath();
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    /** Checks the page the browser shows now. */
    void check(String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        JsonNode violations;
        try {
            violations = json.readTree((String) js.executeAsyncScript(RUN_AXE));
        } catch (IOException e) {
            throw new AssertionError("axe answered no JSON on " + page, e);
        }
        assertThat(violations.has("error")).as("axe failed on %s: %s", page, violations).isFalse();
        for (JsonNode violation : violations) {
            String impact = violation.path("impact").asText();
            String text = page + ": " + impact + " " + violation.path("id").asText() + " – "
                + violation.path("help").asText() + " " + violation.path("nodes").findValuesAsText("html");
            System.out.println("Accessibility: " + text);
            if ("serious".equals(impact) || "critical".equals(impact)) {
                barriers.add(text);
            }
        }
    }

    /** Serious and critical violations of every page checked so far. */
    List<String> barriers() {
        return barriers;
    }

    private static String axeFromClasspath() throws IOException {
        Resource[] scripts = new PathMatchingResourcePatternResolver()
            .getResources("classpath*:META-INF/resources/webjars/axe-core/*/axe.min.js");
        assertThat(scripts).as("axe-core webjar on the test classpath").isNotEmpty();
        try (InputStream in = scripts[0].getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
