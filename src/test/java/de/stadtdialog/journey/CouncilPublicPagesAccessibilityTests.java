package de.stadtdialog.journey;

import static de.stadtdialog.council.CouncilDecisionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.council.ConsultationResult;
import de.stadtdialog.council.CouncilDates;
import de.stadtdialog.council.CouncilScenario;
import de.stadtdialog.council.CouncilService;
import de.stadtdialog.council.Motion;
import de.stadtdialog.procedure.Procedure;

/**
 * WCAG 2.1 A/AA (axe-core) on the public council pages — the motion with its published decision and the meeting —
 * at desktop width and at 360 px: no serious or critical violation.
 */
@StadtdialogSpringTest
class CouncilPublicPagesAccessibilityTests {

    private static final String AXE_RUN = """
        var callback = arguments[arguments.length - 1];
        axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], resultTypes: ['violations']})
          .then(function (r) { callback(JSON.stringify(r.violations)); })
          .catch(function (e) { callback(JSON.stringify({error: String(e)})); });
        """;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;

    WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start();
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void decisionAndMeetingPages_haveNoSeriousViolations_alsoAt360Pixels() throws Exception {
        CouncilScenario scenario = new CouncilScenario(context);
        Procedure procedure = scenario.start();
        scenario.submitted(procedure, "Beirat für Bürgerbeteiligung", null, "Stadtrat");
        scenario.deliberate(procedure, LocalDate.now(CouncilDates.ZONE).plusDays(10).atTime(17, 0).toString(),
            CouncilScenario.result(ConsultationResult.ADOPTED, null, null));
        scenario.deliberate(procedure, LocalDate.now(CouncilDates.ZONE).plusDays(20).atTime(17, 0).toString(),
            CouncilScenario.result(ConsultationResult.ADOPTED_WITH_CHANGES, "Jugendliche ausdrücklich nennen", null));
        scenario.executeJob(procedure, TASK_PUBLISH_DECISION);
        Motion motion = scenario.motion(procedure);
        CouncilService council = context.getBean(CouncilService.class);
        Long meetingId = council.meetingOf(council.currentConsultations(motion).get(1)).orElseThrow().getId();
        String axe = axeScript();

        List<String> serious = new ArrayList<>();
        for (String path : List.of("/oeffentlich/rat/vorlagen/" + motion.getId(),
                "/oeffentlich/rat/sitzungen/" + meetingId)) {
            browser.manage().window().setSize(new Dimension(1280, 900));
            serious.addAll(check(path, axe));
            browser.manage().window().setSize(new Dimension(360, 800));
            serious.addAll(check(path + " at 360 px", axe));
        }

        assertThat(serious).isEmpty();
    }

    private List<String> check(String name, String axe) throws Exception {
        browser.get("http://localhost:" + port + name.replace(" at 360 px", ""));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.tagName("footer")).isEmpty());
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        JsonNode violations = json.readTree((String) js.executeAsyncScript(AXE_RUN));
        assertThat(violations.isArray()).as("axe ran on %s: %s", name, violations).isTrue();
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : violations) {
            String line = name + ": " + violation.path("impact").asText() + " " + violation.path("id").asText()
                + " " + violation.path("nodes");
            System.out.println("Accessibility: " + line);
            if (List.of("serious", "critical").contains(violation.path("impact").asText())) {
                serious.add(line);
            }
        }
        return serious;
    }

    private static String axeScript() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver()
            .getResources("classpath*:META-INF/resources/webjars/axe-core/*/axe.min.js");
        assertThat(found).as("axe-core on the test classpath").isNotEmpty();
        try (InputStream in = found[0].getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
