package de.stadtdialog.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.TestMailGateway;
import de.stadtdialog.citizen.CitizenScenario;
import de.stadtdialog.citizen.internal.Citizen;
import de.stadtdialog.commenting.Comment;
import de.stadtdialog.commenting.CommentingPhaseProcess;
import de.stadtdialog.commenting.CommentingScenario;
import de.stadtdialog.commenting.CommentingService;
import de.stadtdialog.commenting.Disposition;
import de.stadtdialog.council.CouncilDates;
import de.stadtdialog.council.CouncilDecisionProcess;
import de.stadtdialog.council.CouncilScenario;
import de.stadtdialog.council.Motion;
import de.stadtdialog.notification.OutgoingMail;
import de.stadtdialog.procedure.Procedure;

/**
 * The council secretariat's journey in a real headless Chromium: the procedure on the dashboard → schedule the
 * consultation in a Stadtrat meeting → (the meeting takes place) → record "adopted with changes", first without the
 * changes and reading the reason next to the field → the public page shows the decision → a citizen who commented
 * on the draft follows the link in the council's feedback mail, logs in and reads on "Meine Rückmeldungen" the
 * disposition of the comment next to the decision.
 */
@StadtdialogSpringTest
class CouncilJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;
    @Autowired
    CommentingService commenting;
    @Autowired
    TestMailGateway mailGateway;

    WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        ClockUtil.reset();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void secretariatSchedulesRecordsAdoptedWithChangesAndThePublicSeesTheDecision() throws Exception {
        CitizenScenario citizens = new CitizenScenario(context);
        Citizen anna = citizens.confirmed("journey-anna");
        Procedure commentingProcedure = commentedAndEvaluated(anna);

        CouncilScenario scenario = new CouncilScenario(context);
        Procedure procedure = scenario.start(commentingProcedure.getBusinessKey());
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

        // feedback: the council's mail to the commenter links her own page
        scenario.executeJob(procedure, CouncilDecisionProcess.TASK_SEND_FEEDBACK);
        OutgoingMail feedback = mailGateway.delivered().stream().filter(m -> m.to().equals(anna.getEmail()))
            .filter(m -> m.dedupKey().startsWith("council-motion-")).findFirst().orElseThrow();
        String personalPage = CitizenScenario.linkIn(feedback.body(), "/buerger/rueckmeldungen");
        browser.manage().deleteAllCookies();
        open(personalPage);
        waitFor(By.cssSelector("form[action='/buerger/anmelden']"));
        browser.findElement(By.id("username")).sendKeys(anna.getUsername());
        browser.findElement(By.id("password")).sendKeys(CitizenScenario.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/buerger/anmelden'] button[type=submit]")).click();
        waitFor(By.cssSelector("header .user a"));
        open(personalPage);
        WebElement own = waitFor(By.id("verfahren-" + commentingProcedure.getId()));
        assertThat(own.getText()).contains("Bitte auch Jugendliche beteiligen.",
            "übernommen: Abschnitt 6 nennt Jugendliche jetzt ausdrücklich.",
            "mit Änderungen beschlossen", motion.getReference());
        AccessibilityCheck accessibility = new AccessibilityCheck(browser);
        accessibility.check("feedback page");
        Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(360, 800));
        try {
            accessibility.check("feedback page at 360 px");
            Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow.intValue()).as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(0);
        } finally {
            browser.manage().window().setSize(desktop);
        }
        assertThat(accessibility.barriers()).isEmpty();
    }

    /**
     * A commenting procedure that ended four weeks ago, with one comment of the citizen evaluated as adopted; it
     * waits for the council. Its dates lie in the past, so the engine clock is moved there and back.
     */
    private Procedure commentedAndEvaluated(Citizen author) {
        CommentingScenario commentingScenario = new CommentingScenario(context);
        Instant opens = Instant.now().minus(Duration.ofDays(40));
        ClockUtil.setCurrentTime(Date.from(opens.minus(Duration.ofDays(1))));
        Procedure procedure = commentingScenario.openForComment(opens, "P10D");
        Long draftId = commentingScenario.draft(procedure).getId();
        Comment comment = commenting.submit(CitizenScenario.user(author), draftId, null, null,
            "Bitte auch Jugendliche beteiligen.");
        commentingScenario.approve(comment);
        commentingScenario.close(procedure, opens.plus(Duration.ofDays(10)));
        commenting.evaluate(draftId, comment.getId(), Disposition.ADOPTED,
            "Abschnitt 6 nennt Jugendliche jetzt ausdrücklich.", "officer");
        commentingScenario.submit(procedure, CommentingPhaseProcess.TASK_EVALUATE_COMMENTS, "officer", Map.of());
        commentingScenario.submit(procedure, CommentingPhaseProcess.TASK_REVISE_DRAFT, "officer",
            Map.of("draftMarkdown", CommentingScenario.MARKDOWN));
        commentingScenario.executeJob(procedure, CommentingPhaseProcess.TASK_PUBLISH_RESULTS_REPORT);
        ClockUtil.reset();
        return procedure;
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(15))
            .until(driver -> driver.findElements(locator).stream().findFirst().orElse(null));
    }
}
