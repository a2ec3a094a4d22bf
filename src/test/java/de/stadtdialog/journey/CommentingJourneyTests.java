package de.stadtdialog.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;


import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.citizen.CitizenScenario;
import de.stadtdialog.citizen.internal.Citizen;
import de.stadtdialog.commenting.Comment;
import de.stadtdialog.commenting.CommentModerationProcess;
import de.stadtdialog.commenting.CommentRepository;
import de.stadtdialog.commenting.CommentingScenario;
import de.stadtdialog.commenting.Draft;
import de.stadtdialog.procedure.Procedure;

/**
 * The commenting phase in a real headless Chromium: a citizen comments on a paragraph (preview first) and sees it
 * pending → the officer approves it in the tasklist → it appears publicly → the phase closes (engine clock and timer
 * job) → the officer records the disposition on the evaluation page → the public page shows it. The public draft
 * page is checked with axe-core (no serious or critical WCAG 2.1 A/AA violation), also at 360 px.
 */
@StadtdialogSpringTest
class CommentingJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    CommentRepository comments;

    WebDriver browser;
    AccessibilityCheck accessibility;

    @BeforeEach
    void openBrowser() throws Exception {
        BpmnAwareTests.init(processEngine);
        browser = HeadlessChromium.start();
        accessibility = new AccessibilityCheck(browser);
    }

    @AfterEach
    void closeBrowser() {
        ClockUtil.reset();
        BpmnAwareTests.reset();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void citizenCommentsOfficerApprovesPhaseClosesOfficerEvaluatesPublicSeesTheOutcome() {
        CommentingScenario scenario = new CommentingScenario(context);
        Instant opened = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1));
        Procedure procedure = scenario.openForComment(opened, "P21D");
        ClockUtil.reset();
        Draft draft = scenario.draft(procedure);
        Citizen gina = new CitizenScenario(context).confirmed("gina");
        String draftPage = "/oeffentlich/entwuerfe/" + draft.getId();

        open("/buerger/anmelden");
        browser.findElement(By.id("username")).sendKeys(gina.getUsername());
        browser.findElement(By.id("password")).sendKeys(CitizenScenario.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/buerger/anmelden'] button[type=submit]")).click();
        waitFor(By.cssSelector("header .user a"));

        open(draftPage);
        accessibility.check("draft page, logged-in citizen");
        browser.findElement(By.linkText("Absatz 2 kommentieren")).click();
        WebElement text = waitFor(By.id("text"));
        String written = "Ergebnisoffen heißt: <b>auch</b> das Nein ist möglich.";
        text.sendKeys(written);
        assertThat(browser.findElement(By.id("text-count")).getText())
            .isEqualTo("noch " + (Comment.MAX_LENGTH - written.length()) + " Zeichen");
        browser.findElement(By.cssSelector("button[value=vorschau]")).click();
        WebElement preview = waitFor(By.cssSelector(".preview .comment-text"));
        assertThat(preview.getText()).isEqualTo("Ergebnisoffen heißt: <b>auch</b> das Nein ist möglich.");
        browser.findElement(By.cssSelector("button[value=absenden]")).click();
        waitFor(By.cssSelector(".flash"));

        Comment comment = comments.findByAuthorCitizenIdOrderByCreatedAtAsc(gina.getId()).get(0);
        WebElement pending = waitFor(By.id("kommentar-" + comment.getId()));
        assertThat(pending.getText()).contains("wartet auf Freigabe", "Ergebnisoffen heißt");
        accessibility.check("draft page with a pending comment");

        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys("officer");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(By.linkText("Meine Aufgaben"));
        open("/aufgaben?verfahren=" + procedure.getBusinessKey());
        browser.findElement(By.linkText("Kommentar moderieren")).click();
        WebElement shown = waitFor(By.id("field-Field_CommentTextReadonly"));
        assertThat(shown.getAttribute("value")).isEqualTo("Ergebnisoffen heißt: <b>auch</b> das Nein ist möglich.");
        browser.findElement(By.id("field-Field_ModerationDecision-0")).click();
        browser.findElement(By.cssSelector("form.task-form button[type=submit]")).click();
        waitFor(By.cssSelector(".flash"));
        scenario.executeJob(scenario.moderation(comment).getId(), CommentModerationProcess.TASK_NOTIFY_AUTHOR_OF_APPROVAL);

        open(draftPage);
        WebElement published = waitFor(By.id("kommentar-" + comment.getId()));
        assertThat(published.getText()).contains("Ergebnisoffen heißt: <b>auch</b> das Nein ist möglich.", gina.getUsername())
            .doesNotContain("wartet auf Freigabe");
        assertThat(browser.findElement(By.id("absatz-2")).getText()).contains("1 Kommentar");

        scenario.close(procedure, draft.getClosesAt().plus(Duration.ofMinutes(1)));
        open(draftPage);
        assertThat(waitFor(By.cssSelector(".comment-form")).getText()).contains("Die Kommentierung ist beendet");

        open("/kommentierung/" + draft.getId() + "/auswertung");
        assertThat(waitFor(By.cssSelector(".progress")).getText()).isEqualTo("0 von 1 Kommentaren ausgewertet");
        browser.findElement(By.id("d-" + comment.getId() + "-PARTLY_ADOPTED")).click();
        browser.findElement(By.id("reason-" + comment.getId()))
            .sendKeys("Kapitel 1 nennt jetzt ausdrücklich, dass ein Vorhaben auch aufgegeben werden kann.");
        browser.findElement(By.cssSelector("#kommentar-" + comment.getId() + " button[type=submit]")).click();
        assertThat(waitFor(By.cssSelector(".flash")).getText()).contains("1 von 1 Kommentaren ausgewertet");

        browser.manage().deleteAllCookies();
        open(draftPage);
        WebElement outcome = waitFor(By.cssSelector("#kommentar-" + comment.getId() + " .disposition"));
        assertThat(outcome.getText()).contains("Ergebnis: teilweise übernommen",
            "Kapitel 1 nennt jetzt ausdrücklich");
        accessibility.check("draft page after evaluation");
        onAPhone(() -> accessibility.check("draft page after evaluation at 360 px"));

        assertThat(accessibility.barriers()).as("serious or critical accessibility violations").isEmpty();
    }

    private void onAPhone(Runnable check) {
        Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(360, 800));
        try {
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).as("no horizontal scrolling at 360 px").isEqualTo(Boolean.FALSE);
            check.run();
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(15))
            .until(driver -> driver.findElements(locator).stream().findFirst().orElse(null));
    }
}
