package de.stadtdialog.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.council.CouncilDates;
import de.stadtdialog.council.CouncilDecisionProcess;
import de.stadtdialog.council.CouncilScenario;
import de.stadtdialog.council.Motion;
import de.stadtdialog.procedure.Procedure;

/**
 * The council secretariat's journey in a real headless Chromium: the procedure on the dashboard → schedule the
 * consultation in a Stadtrat meeting → (the meeting takes place) → record "adopted with changes", first without the
 * changes and reading the reason next to the field → the public page shows the decision.
 */
@StadtdialogSpringTest
class CouncilJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void secretariatSchedulesRecordsAdoptedWithChangesAndThePublicSeesTheDecision() {
        CouncilScenario scenario = new CouncilScenario(context);
        Procedure procedure = scenario.start();
        scenario.submitted(procedure, null, null, "Stadtrat");
        Motion motion = scenario.motion(procedure);
        LocalDateTime meetingAt = LocalDate.now(CouncilDates.ZONE).plusDays(16).atTime(17, 0);

        open("/login");
        browser.findElement(By.id("username")).sendKeys("secretariat");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(By.linkText("Meine Aufgaben"));

        open("/verfahren?q=" + procedure.getBusinessKey());
        WebElement row = waitFor(By.xpath("//tr[.//a[contains(@href,'/verfahren/" + procedure.getBusinessKey()
            + "')]]"));
        assertThat(row.getText()).contains("Beratung terminieren");
        row.findElement(By.cssSelector("a[href*='/verfahren/" + procedure.getBusinessKey() + "']")).click();
        assertThat(waitFor(By.tagName("main")).getText()).contains(motion.getReference(), "eingereicht");

        open("/aufgaben?verfahren=" + procedure.getBusinessKey());
        waitFor(By.linkText("Beratung terminieren")).click();
        WebElement start = waitFor(By.id("field-Field_MeetingStart"));
        // a datetime-local input takes keys in the browser's locale; its value is the same everywhere
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", start,
            meetingAt.toString());
        browser.findElement(By.id("field-Field_Location")).sendKeys("Rathaus, Großer Ratssaal");
        browser.findElement(By.cssSelector("form.task-form button[type=submit]")).click();
        waitFor(By.cssSelector(".flash"));

        // the meeting takes place: its timer is due then, the test fires it now
        scenario.executeJob(procedure, CouncilDecisionProcess.TIMER_MEETING_BEGINS);

        open("/aufgaben?verfahren=" + procedure.getBusinessKey());
        waitFor(By.linkText("Beratungsergebnis erfassen")).click();
        new Select(waitFor(By.id("field-Field_Result"))).selectByVisibleText("mit Änderungen beschlossen");
        browser.findElement(By.cssSelector("form.task-form button[type=submit]")).click();
        WebElement error = waitFor(By.id("field-Field_Changes-error"));
        assertThat(error.getText()).contains("Bitte geben Sie die beschlossenen Änderungen an.");
        assertThat(browser.findElement(By.id("field-Field_Changes")).getAttribute("aria-invalid")).isEqualTo("true");

        new Select(browser.findElement(By.id("field-Field_Result"))).selectByVisibleText("mit Änderungen beschlossen");
        browser.findElement(By.id("field-Field_Changes")).sendKeys("Abschnitt 6 nennt Jugendliche ausdrücklich.");
        browser.findElement(By.cssSelector("form.task-form button[type=submit]")).click();
        waitFor(By.cssSelector(".flash"));

        // publication is an asynchronous step; the job executor is off in tests
        scenario.executeJob(procedure, CouncilDecisionProcess.TASK_PUBLISH_DECISION);

        open("/oeffentlich/rat/vorlagen/" + motion.getId());
        String decision = waitFor(By.cssSelector(".council-decision")).getText();
        assertThat(decision).contains("Ratsbeschluss", "mit Änderungen beschlossen",
            "Stadtrat am " + CouncilDates.date(CouncilDates.berlin(meetingAt)),
            "Änderungen: Abschnitt 6 nennt Jugendliche ausdrücklich.");
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(15))
            .until(driver -> driver.findElements(locator).stream().findFirst().orElse(null));
    }
}
