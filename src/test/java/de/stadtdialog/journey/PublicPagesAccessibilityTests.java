package de.stadtdialog.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.stadtdialog.StadtdialogSpringTest;

/**
 * WCAG 2.1 A/AA checks of every public page in a real headless Chromium: axe-core is injected into each page and
 * run with the WCAG 2.0/2.1 A and AA rules. No violation of impact "serious" or "critical" is allowed; minor and
 * moderate ones are printed. The project list is also checked at 360 px, the width of a small phone.
 */
@StadtdialogSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesAccessibilityTests {

    private static final String RUN_AXE = """
        var done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], resultTypes: ['violations']})
          .then(function (result) { done(JSON.stringify(result.violations)); })
          .catch(function (error) { done(JSON.stringify({error: String(error)})); });
        """;

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    WebDriver browser;
    String axeSource;

    @BeforeAll
    void openBrowser() throws Exception {
        axeSource = axeFromClasspath();
        browser = HeadlessChromium.start();
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyPublicPageHasNoSeriousOrCriticalViolations() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("start page", "/");
        pages.put("project list", "/oeffentlich/vorhaben");
        pages.put("project with a running procedure", projectPage("Beteiligungsbeirat – 6. Sitzung"));
        pages.put("project without procedure", projectPage("Neugestaltung des Stiftsplatzes"));
        pages.put("public sessions", "/oeffentlich/sitzungen");
        pages.put("public session", firstLink("/oeffentlich/sitzungen", "ul.session-list a"));
        pages.put("accessibility statement", "/oeffentlich/barrierefreiheit");
        pages.put("Leichte Sprache", "/oeffentlich/leichte-sprache");
        pages.put("privacy and imprint", "/oeffentlich/datenschutz");
        pages.put("staff login", "/login");
        pages.put("project list in English", "/oeffentlich/vorhaben?lang=en");
        pages.put("start page in English", "/?lang=en");
        // the citizen pages are checked as soon as the citizen accounts module serves them
        for (String citizenPage : List.of("/buerger/registrieren", "/buerger/anmelden")) {
            if (exists(citizenPage)) {
                pages.put("citizen page " + citizenPage, citizenPage + "?lang=de");
            } else {
                System.out.println("Accessibility: " + citizenPage + " does not exist yet, not checked");
            }
        }

        List<String> serious = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            serious.addAll(check(page.getKey(), page.getValue()));
        }
        assertThat(serious).as("serious or critical WCAG violations").isEmpty();
        open("/?lang=de");
    }

    @Test
    void theProjectListOnA360PixelPhone() throws Exception {
        Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(360, 800));
        try {
            List<String> serious = check("project list at 360 px", "/oeffentlich/vorhaben");
            serious.addAll(check("project page at 360 px", projectPage("Beteiligungsbeirat – 6. Sitzung")));
            assertThat(serious).as("serious or critical WCAG violations at 360 px").isEmpty();
            open("/oeffentlich/vorhaben");
            Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow.intValue()).as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(0);
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    @Test
    void theStaffFormForTheProjectListAnnouncesItsErrorsAccessibly() throws Exception {
        try {
            open("/login");
            browser.findElement(By.id("username")).sendKeys("officer");
            browser.findElement(By.id("password")).sendKeys("demo");
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            waitFor(By.linkText("Meine Aufgaben"));

            List<String> serious = check("staff project list", "/vorhaben/verwalten");
            serious.addAll(check("new project form", "/vorhaben/verwalten/neu"));
            browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
            WebElement summary = waitFor(By.id("error-summary"));
            assertThat(summary.getAttribute("role")).isEqualTo("alert");
            assertThat(browser.findElement(By.id("title")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.findElement(By.id("title")).getAttribute("aria-describedby")).contains("title-error");
            serious.addAll(runAxe("new project form with errors", "/vorhaben/verwalten/neu"));
            assertThat(serious).as("serious or critical WCAG violations on the staff pages").isEmpty();
        } finally {
            browser.manage().deleteAllCookies();
        }
    }

    @Test
    void theCheckItselfFindsABarrier() throws Exception {
        open("/oeffentlich/vorhaben");
        ((JavascriptExecutor) browser).executeScript(
            "var image = document.createElement('img'); image.src = '/favicon.ico';"
                + "document.querySelector('main').appendChild(image);");

        List<String> serious = runAxe("project list with an image without text alternative", "/oeffentlich/vorhaben");

        assertThat(serious).anyMatch(violation -> violation.contains("image-alt"));
    }

    /** Runs axe on the page; prints every violation and returns the serious and critical ones. */
    private List<String> check(String name, String path) throws Exception {
        open(path);
        return runAxe(name, path);
    }

    private List<String> runAxe(String name, String path) throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axeSource);
        JsonNode violations = json.readTree((String) js.executeAsyncScript(RUN_AXE));
        assertThat(violations.has("error")).as("axe failed on %s: %s", name, violations).isFalse();
        System.out.println("Accessibility: " + name + " (" + path + "): " + violations.size() + " violation(s)");
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : violations) {
            String impact = violation.path("impact").asText();
            StringBuilder text = new StringBuilder(name + " (" + path + "): " + impact + " " + violation.path("id")
                .asText() + " – " + violation.path("help").asText());
            for (JsonNode node : violation.path("nodes")) {
                text.append("\n    ").append(node.path("target")).append(' ')
                    .append(node.path("failureSummary").asText().replace('\n', ' '));
            }
            System.out.println("Accessibility: " + text);
            if ("serious".equals(impact) || "critical".equals(impact)) {
                serious.add(text.toString());
            }
        }
        return serious;
    }

    private String projectPage(String title) {
        open("/oeffentlich/vorhaben");
        return URI.create(waitFor(By.linkText(title)).getAttribute("href")).getPath();
    }

    private String firstLink(String path, String selector) {
        open(path);
        return URI.create(waitFor(By.cssSelector(selector)).getAttribute("href")).getPath();
    }

    private boolean exists(String path) throws IOException, InterruptedException {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + path)).header("Accept", "text/html").build(),
            HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200;
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
        waitFor(By.tagName("footer"));
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(15))
            .until(driver -> driver.findElements(locator).stream().findFirst().orElse(null));
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
