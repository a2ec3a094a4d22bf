package de.stadtdialog.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import de.stadtdialog.StadtdialogSpringTest;

/**
 * Takes the screenshots of the user guides in {@code docs/guide/} from the running application with its demo
 * data. Not part of the test suite (tag "screenshots", excluded by default); run it after a change to a page:
 * <pre>mvn test -Dtest=UserGuideScreenshots -Dtest.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@StadtdialogSpringTest
@Tag("screenshots")
class UserGuideScreenshots {

    private static final Path IMAGES = Path.of("docs", "guide", "img");

    @LocalServerPort
    int port;

    WebDriver browser;
    private final List<String> missing = new ArrayList<>();

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start();
        Files.createDirectories(IMAGES);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void takeTheGuidesScreenshots() throws Exception {
        login("officer");
        shot("/aufgaben", "officer-tasklist");
        openFirst("a.task-link, table a[href*='/aufgaben/']");
        save("officer-task-form");
        shot("/sitzungsreihen/neu", "officer-plan-session");
        shot("/aufrufe/neu", "officer-new-call");
        shot("/leitlinien/neu", "officer-new-guidelines");
        shot("/postausgang", "officer-outbox");
        logout();

        login("secretariat");
        shot("/verfahren", "secretariat-overview");
        openFirst("table a[href^='/verfahren/']");
        save("secretariat-procedure");
        open("/verfahren?q=Kaiserslautern%20(2022");
        openFirst("table a[href^='/verfahren/']");
        new WebDriverWait(browser, Duration.ofSeconds(15))
            .until(driver -> !driver.findElements(By.cssSelector(".djs-element.highlight-active")).isEmpty());
        save("secretariat-guidelines-procedure");
        logout();

        login("designer");
        shot("/camunda/app/cockpit/default/#/processes", "designer-cockpit");
        logout();

        login("admin");
        shot("/camunda/app/admin/default/#/users", "admin-users");
        logout();

        shot("/oeffentlich/vorhaben", "public-projects");
        openFirst("main a[href^='/oeffentlich/vorhaben/']");
        save("public-project");

        assertThat(missing).as("pages without a screenshot").isEmpty();
    }

    private void login(String user) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(By.cssSelector("main"));
    }

    private void logout() {
        browser.manage().deleteAllCookies();
    }

    private void shot(String path, String name) throws Exception {
        open(path);
        waitFor(By.cssSelector("body"));
        // the Camunda webapps render after loading their scripts
        if (path.startsWith("/camunda")) {
            new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(driver -> !driver.findElements(By.cssSelector("table tbody tr td a")).isEmpty());
        }
        save(name);
    }

    private void openFirst(String css) {
        var links = browser.findElements(By.cssSelector(css));
        if (links.isEmpty()) {
            missing.add(css + " on " + browser.getCurrentUrl());
            return;
        }
        browser.get(links.get(0).getAttribute("href"));
        waitFor(By.cssSelector("main"));
    }

    private void save(String name) throws Exception {
        // the whole page, as far as it reaches, up to a sensible length
        long height = (Long) ((JavascriptExecutor) browser)
            .executeScript("return Math.min(2400, document.documentElement.scrollHeight)");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.max(900, height)));
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(IMAGES.resolve(name + ".png"), png);
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void waitFor(By locator) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
            .until(driver -> !driver.findElements(locator).isEmpty());
    }
}
