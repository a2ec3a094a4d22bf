package de.stadtdialog.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

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

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.sessioncycle.NoticePeriod;
import de.stadtdialog.sessioncycle.SessionCycleService;
import de.stadtdialog.sessioncycle.SessionCycleService.PlanSession;

/**
 * The officer's main journey in a real headless Chromium: log in → tasklist → open the agenda task → submit an
 * invalid form and read the message next to the field → submit a valid one → the status overview shows the
 * procedure's new phase.
 */
@StadtdialogSpringTest
class OfficerJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    SessionCycleService sessionCycle;

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
    void officerDraftsAnAgendaAndTheOverviewShowsTheNextPhase() {
        Instant startsAt = LocalDate.now(NoticePeriod.ZONE).plusDays(30).atTime(LocalTime.of(18, 0))
            .atZone(NoticePeriod.ZONE).toInstant();
        Procedure procedure = sessionCycle.plan(new PlanSession("kaiserslautern", "Arbeitskreis Leitlinien",
            "Browser-Reise " + System.nanoTime(), startsAt, "Rathaus", "P4D", "mitglied@example.org"));

        open("/login");
        browser.findElement(By.id("username")).sendKeys("officer");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(By.linkText("Meine Aufgaben"));

        open("/aufgaben?verfahren=" + procedure.getBusinessKey());
        browser.findElement(By.linkText("Tagesordnung entwerfen")).click();
        waitFor(By.id("field-Field_Agenda"));

        new Select(browser.findElement(By.id("field-Field_SessionFormat"))).selectByVisibleText("Präsenzsitzung");
        WebElement agenda = browser.findElement(By.id("field-Field_Agenda"));
        agenda.clear();
        agenda.sendKeys("TOP 1");
        // the server is the authority on validation: let the browser submit what its own checks would stop
        ((JavascriptExecutor) browser).executeScript("document.querySelector('form.task-form').noValidate = true");
        browser.findElement(By.cssSelector("form.task-form button[type=submit]")).click();

        WebElement error = waitFor(By.id("field-Field_Agenda-error"));
        assertThat(error.getText()).contains("10");
        assertThat(browser.findElement(By.id("field-Field_Agenda")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("Tagesordnung");
        assertThat(browser.findElement(By.id("field-Field_Agenda")).getAttribute("value")).isEqualTo("TOP 1");

        agenda = browser.findElement(By.id("field-Field_Agenda"));
        agenda.clear();
        agenda.sendKeys("TOP 1: Begrüßung\nTOP 2: Entwurf der Leitlinien");
        browser.findElement(By.cssSelector("form.task-form button[type=submit]")).click();
        waitFor(By.cssSelector(".flash"));
        assertThat(browser.getCurrentUrl()).contains("/aufgaben");

        open("/verfahren?q=" + procedure.getBusinessKey());
        WebElement row = waitFor(By.xpath("//tr[.//a[contains(@href,'/verfahren/" + procedure.getBusinessKey()
            + "')]]"));
        assertThat(row.getText()).contains("Einladung versenden und bekannt machen");
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(15))
            .until(driver -> driver.findElements(locator).stream().findFirst().orElse(null));
    }
}
