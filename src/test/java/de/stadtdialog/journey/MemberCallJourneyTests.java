package de.stadtdialog.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
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
import de.stadtdialog.lottery.LotteryService;
import de.stadtdialog.lottery.VerificationReport;
import de.stadtdialog.membercall.ApplicationStatus;
import de.stadtdialog.membercall.LotteryRun;
import de.stadtdialog.membercall.MemberApplication;
import de.stadtdialog.membercall.MemberCall;
import de.stadtdialog.membercall.MemberCallProcess;
import de.stadtdialog.membercall.MemberCallService;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;

/**
 * A call for members in a real headless Chromium: the officer creates the call on its page, the call is described
 * and approved, three citizens log in and apply (one first forgets the consent), the deadline passes (clock moved,
 * timer job executed), the officer checks eligibility and nominations in the tasklist, the table is computed and
 * committed, the officer enters the ceremony input, coordination confirms, and the public result page's audit
 * bundle passes the verifier. axe-core checks the public, citizen and staff pages of the call (no serious or critical
 * WCAG 2.1 AA accessibility.barriers()), and the public pages need no sideways scrolling at 360 px.
 */
@StadtdialogSpringTest
class MemberCallJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;
    @Autowired
    ProcedureRepository procedures;
    @Autowired
    MemberCallService service;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    ManagementService managementService;
    @Autowired
    LotteryService lottery;

    WebDriver browser;
    AccessibilityCheck accessibility;
    private final String token = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start();
        accessibility = new AccessibilityCheck(browser);
    }

    @AfterEach
    void closeBrowser() {
        ClockUtil.reset();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void officerCreatesACall_citizensApply_lotteryIsDrawnInPublic_andTheBundleVerifies() throws Exception {
        String title = "Aufruf Browser-Reise " + token;
        staffLogin("officer");
        open("/aufrufe/neu");
        type("title", title);
        type("workingGroup", "Arbeitskreis " + token);
        browser.findElement(By.cssSelector("form[action='/aufrufe/neu'] button[type=submit]")).click();
        waitFor(By.cssSelector(".flash"));
        Procedure procedure = procedures.findAll().stream().filter(p -> p.getTitle().equals(title)).findFirst()
            .orElseThrow();
        assertThat(browser.getCurrentUrl()).endsWith("/verfahren/" + procedure.getBusinessKey());

        // described and approved (the forms themselves are covered by the process tests)
        Instant deadline = Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MINUTES);
        complete(procedure, MemberCallProcess.TASK_EDIT_CALL, "officer", Map.of("title", title,
            "workingGroup", "Arbeitskreis " + token, "citizenSeats", 2, "residence", "Kaiserslautern",
            "minimumAge", 14, "term", "2 Jahre", "termEndsAt", local(deadline.plus(Duration.ofDays(730))),
            "meetingFrequency", "monatlich", "deadline", local(deadline),
            "plainSummary", "Wir suchen zwei Menschen, die mitmachen."));
        complete(procedure, MemberCallProcess.TASK_APPROVE_CALL, "coordination",
            Map.of(MemberCallProcess.VAR_APPROVAL_DECISION, MemberCallProcess.DECISION_APPROVE));
        executeJob(procedure, MemberCallProcess.TASK_PUBLISH_CALL);
        MemberCall call = service.callOfProcedure(procedure.getId()).orElseThrow();

        // three citizens apply; the first forgets the consent and reads why next to the checkbox
        browser.manage().deleteAllCookies();
        CitizenScenario citizens = new CitizenScenario(context);
        for (String name : List.of("erika", "max", "lea")) {
            citizens.confirmed(name + token.substring(0, 4));
            open("/oeffentlich/aufrufe/" + call.getId());
            if ("erika".equals(name)) {
                accessibility.check("public call page");
                onAPhone("public call page");
            }
            waitFor(By.linkText("Jetzt bewerben")).click();
            waitFor(By.cssSelector("form[action='/buerger/anmelden']"));
            type("username", citizens.username(name + token.substring(0, 4)));
            type("password", CitizenScenario.PASSWORD);
            browser.findElement(By.cssSelector("form[action='/buerger/anmelden'] button[type=submit]")).click();
            waitFor(By.id("birthYear"));
            type("name", name + " Muster " + token);
            type("email", name + "-" + token + "@example.org");
            type("birthYear", "1990");
            browser.findElement(By.id("residenceConfirmed")).click();
            ((JavascriptExecutor) browser).executeScript("document.querySelector('form.stacked').noValidate = true");
            if ("erika".equals(name)) {
                submitApplication();
                WebElement error = waitFor(By.id("consent-error"));
                assertThat(error.getText()).contains("Datenschutzhinweise");
                assertThat(browser.findElement(By.id("consent")).getAttribute("aria-invalid")).isEqualTo("true");
                assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("erika Muster " + token);
                accessibility.check("application form with an error");
                onAPhone("application form with an error");
                if (!browser.findElement(By.id("residenceConfirmed")).isSelected()) {
                    browser.findElement(By.id("residenceConfirmed")).click();
                }
            }
            browser.findElement(By.id("consent")).click();
            submitApplication();
            WebElement code = waitFor(By.cssSelector("code.code"));
            assertThat(code.getText()).matches("B-[A-Z2-9]{4}-[A-Z2-9]{4}");
            if ("erika".equals(name)) {
                accessibility.check("application confirmation");
            }
            browser.manage().deleteAllCookies();
        }
        assertThat(service.applications(call.getId())).hasSize(3);

        // the deadline passes
        ClockUtil.setCurrentTime(Date.from(deadline.plus(Duration.ofMinutes(1))));
        executeJob(procedure, MemberCallProcess.TIMER_APPLICATION_DEADLINE);

        staffLogin("officer");
        open("/aufrufe/" + call.getId());
        waitFor(By.cssSelector("section.membercall-staff table"));
        accessibility.check("staff page of the call");
        openTask(procedure, MemberCallProcess.TASK_CHECK_ELIGIBILITY);
        assertThat(browser.findElement(By.id("field-Field_ApplicationsOverview")).getAttribute("value"))
            .contains("erika Muster " + token, "lea Muster " + token);
        submitTask();
        openTask(procedure, MemberCallProcess.TASK_RECORD_NOMINATIONS);
        submitTask();
        executeJob(procedure, MemberCallProcess.TASK_COMPUTE_LOTTERY);
        executeJob(procedure, MemberCallProcess.TASK_PUBLISH_COMMITMENT);
        LotteryRun run = service.latestRun(call.getId()).orElseThrow();

        open("/oeffentlich/aufrufe/" + call.getId());
        assertThat(waitFor(By.cssSelector("code.hash")).getText()).isEqualTo(run.getCommitmentHash());

        openTask(procedure, MemberCallProcess.TASK_ENTER_CEREMONY_INPUT);
        browser.findElement(By.id("field-Field_CeremonyInput")).sendKeys("5 3 6 2 4");
        submitTask();

        browser.manage().deleteAllCookies();
        staffLogin("coordination");
        openTask(procedure, MemberCallProcess.TASK_CONFIRM_RESULT);
        browser.findElement(By.cssSelector("input[name='resultDecision'][value='confirm']")).click();
        submitTask();
        executeJob(procedure, MemberCallProcess.TASK_NOTIFY_APPLICANTS);

        List<MemberApplication> decided = service.applications(call.getId());
        assertThat(decided).filteredOn(a -> a.getStatus() == ApplicationStatus.SELECTED).hasSize(2);
        assertThat(decided).filteredOn(a -> a.getStatus() == ApplicationStatus.RESERVE).hasSize(1);

        browser.manage().deleteAllCookies();
        open("/oeffentlich/aufrufe/" + call.getId() + "/ergebnis");
        String result = waitFor(By.cssSelector("section.membercall-result")).getText();
        assertThat(result).contains(run.getCommitmentHash(), "5 3 6 2 4", "66,67 %", "verify bundle.zip");
        for (MemberApplication a : decided) {
            assertThat(result).contains(a.getCode()).doesNotContain(a.getName());
        }
        accessibility.check("public result page");
        onAPhone("public result page");
        String href = browser.findElement(By.partialLinkText("Prüfpaket")).getAttribute("href");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
            .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        VerificationReport report = lottery.verify(download.body());
        assertThat(report.problems()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(accessibility.barriers()).as("serious or critical accessibility accessibility.barriers()").isEmpty();
    }

    /** At 360 px the page needs no sideways scrolling (wide tables scroll inside their own frame). */
    private void onAPhone(String page) {
        Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(360, 800));
        try {
            Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow.intValue()).as("sideways scrolling on %s at 360 px", page).isLessThanOrEqualTo(0);
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    private void submitApplication() {
        browser.findElement(By.cssSelector("section.membercall-apply form button[type=submit]")).click();
    }

    private void staffLogin(String user) {
        open("/login");
        type("username", user);
        type("password", "demo");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(By.linkText("Meine Aufgaben"));
    }

    private void openTask(Procedure procedure, String taskKey) {
        open("/aufgaben/" + task(procedure, taskKey).getId());
        waitFor(By.cssSelector("form.task-form"));
    }

    private void submitTask() {
        browser.findElement(By.cssSelector("form.task-form button[type=submit]")).click();
        waitFor(By.cssSelector(".flash"));
    }

    private Task task(Procedure procedure, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(procedure.getProcessInstanceId())
            .taskDefinitionKey(taskKey).singleResult();
    }

    private void complete(Procedure procedure, String taskKey, String user, Map<String, Object> values) {
        Task task = task(procedure, taskKey);
        taskService.setAssignee(task.getId(), user);
        formService.submitTaskForm(task.getId(), values);
    }

    private void executeJob(Procedure procedure, String activityId) {
        managementService.executeJob(managementService.createJobQuery()
            .processInstanceId(procedure.getProcessInstanceId()).activityId(activityId).singleResult().getId());
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, MemberCallService.ZONE).toString();
    }

    private void type(String id, String text) {
        WebElement field = waitFor(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
            .until(driver -> driver.findElements(locator).stream().findFirst().orElse(null));
    }
}
