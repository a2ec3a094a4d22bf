package de.stadtdialog.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import de.stadtdialog.StadtdialogSpringTest;

/**
 * The officer starts the whole guidelines procedure in a real headless Chromium: *Neues Verfahren* → the start
 * page → the first task (the council's mandate) in our tasklist → the procedure page, whose diagram highlights the
 * call for members and whose list names the step inside it. Then the demo's Kaiserslautern case: its procedure
 * page shows every part (call, sessions, draft, motion) and the open evaluation.
 */
@StadtdialogSpringTest
class GuidelinesJourneyTests {

    @LocalServerPort
    int port;

    WebDriver browser;
    AccessibilityCheck accessibility;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start();
        accessibility = new AccessibilityCheck(browser);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void officerStartsTheGuidelinesProcedure_recordsTheMandate_andSeesTheCallForMembersUnderWay() {
        String title = "Leitlinien Browser " + UUID.randomUUID().toString().substring(0, 8);
        logInAs("officer");

        open("/verfahren/neu");
        browser.findElement(By.linkText("Leitlinien für Bürgerbeteiligung (Gesamtverfahren)")).click();
        WebElement titleField = waitFor(By.id("title"));
        accessibility.check("Leitlinien-Verfahren anlegen");
        assertThat(browser.findElement(By.id("sessionNoticePeriod")).getAttribute("value")).isEqualTo("P4D");
        titleField.clear();
        titleField.sendKeys(title);
        browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();

        assertThat(waitFor(By.cssSelector(".flash")).getText()).contains(title, "Ratsauftrag erfassen");
        String procedurePage = browser.getCurrentUrl();
        String businessKey = procedurePage.substring(procedurePage.lastIndexOf('/') + 1);
        open("/aufgaben?verfahren=" + businessKey);
        waitFor(By.linkText("Ratsauftrag erfassen")).click();

        WebElement reference = waitFor(By.id("field-Field_MandateReference"));
        accessibility.check("Ratsauftrag erfassen");
        reference.sendKeys("Antrag der Stadtratsfraktionen vom 16.05.2022");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2022-05-16'",
            browser.findElement(By.id("field-Field_MandateDate")));
        browser.findElement(By.id("field-Field_MandateSummary")).sendKeys(
            "Leitlinien für Bürgerbeteiligung mit einem Arbeitskreis erarbeiten und dem Stadtrat vorlegen.");
        browser.findElement(By.cssSelector("form.task-form button[type=submit]")).click();
        waitFor(By.cssSelector(".flash"));

        browser.get(procedurePage);
        WebElement steps = waitFor(By.cssSelector("ul.active-steps"));
        assertThat(steps.getText()).contains("Aufruf zur Mitwirkung mit Losverfahren: Aufruf bearbeiten");
        WebElement highlighted = waitFor(By.cssSelector(".djs-element.highlight-active[data-element-id="
            + "'CallActivity_MemberCall']"));
        assertThat(highlighted.isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("main")).getText())
            .contains("Antrag der Stadtratsfraktionen vom 16.05.2022 (16.05.2022)", "Aufruf bearbeiten");
        accessibility.check("Verfahrensseite des Leitlinien-Verfahrens");
        assertThat(accessibility.barriers()).as("serious or critical accessibility barriers").isEmpty();
    }

    @Test
    void theDemoCase_showsEveryPartAndTheOpenEvaluation() {
        logInAs("secretariat");
        open("/verfahren?q=" + "Leitlinien f%C3%BCr B%C3%BCrgerbeteiligung Kaiserslautern");
        waitFor(By.linkText("Leitlinien für Bürgerbeteiligung Kaiserslautern (2022–2024)")).click();

        String page = waitFor(By.cssSelector("ul.active-steps")).getText();
        assertThat(page).contains("Ratsentscheidung und Rückmeldung: Umsetzung und Beteiligung auswerten");
        String main = browser.findElement(By.cssSelector("main")).getText();
        assertThat(main).contains("Bewerbungsfrist", "23.07.2023", "06.09.2023, 18:00 Uhr (Protokoll veröffentlicht)",
            "07.02.2024, 18:00 Uhr (Protokoll veröffentlicht)", "08.03.2024", "beschlossen (Stadtrat, 22.04.2024)",
            "Aufruf zur Mitwirkung mit Losverfahren: Los ziehen");
        waitFor(By.cssSelector(".djs-element.highlight-active[data-element-id='CallActivity_CouncilDecision']"));
    }

    private void logInAs(String user) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(By.xpath("//button[normalize-space()='Abmelden']"));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(15))
            .until(driver -> driver.findElements(locator).stream().findFirst().orElse(null));
    }
}
