package de.stadtdialog.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;


import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.TestMailGateway;
import de.stadtdialog.citizen.CitizenDirectory;
import de.stadtdialog.citizen.internal.Citizen;
import de.stadtdialog.citizen.internal.CitizenProcesses;
import de.stadtdialog.citizen.internal.CitizenRepository;
import de.stadtdialog.notification.OutgoingMail;

/**
 * A citizen's whole account life in a real headless Chromium: register (one mistake first, told next to the
 * field) → confirm with the link from the captured mail → log in → follow a procedure on its public page → see
 * it under "Meine Daten" → delete the account, after which the citizen is logged out and shown pseudonymised.
 * Every page on the way, including those only a logged-in citizen sees, is checked with axe-core (WCAG 2.1 A/AA:
 * no serious or critical violation), "Meine Daten" also at 360 px.
 */
@StadtdialogSpringTest
class CitizenJourneyTests {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/buerger/bestaetigen\\?token=\\S+)");
    private static final String PASSWORD = "Mein langes Passwort 2027";
    @LocalServerPort
    int port;

    @Autowired
    TestMailGateway mailGateway;
    @Autowired
    CitizenRepository citizens;
    @Autowired
    CitizenDirectory directory;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;

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
    void registerConfirmLoginFollowSeeMyDataDeleteAccount() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String username = "reise-" + suffix;
        String email = "reise-" + suffix + "@example.org";

        // register, first forgetting the consent
        open("/buerger/registrieren");
        type("username", username);
        type("firstName", "Jana");
        type("lastName", "Beispiel");
        type("email", email);
        type("password", PASSWORD);
        type("passwordRepeat", PASSWORD);
        browser.findElement(By.cssSelector("form[action='/buerger/registrieren'] button[type=submit]")).click();
        WebElement consentError = waitFor(By.id("consent-error"));
        accessibility.check("registration with an error");
        assertThat(consentError.getText()).contains("Datenschutzhinweise");
        assertThat(browser.findElement(By.id("consent")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo(username);
        type("password", PASSWORD);
        type("passwordRepeat", PASSWORD);
        browser.findElement(By.cssSelector("label[for=consent]")).click();
        browser.findElement(By.cssSelector("form[action='/buerger/registrieren'] button[type=submit]")).click();
        waitForHeading("Bitte prüfen Sie Ihr Postfach");

        // the job executor is off in tests: send the confirmation mail as it would
        Citizen registered = citizens.findByTenantIdAndUsernameKey("kaiserslautern", username).orElseThrow();
        sendConfirmationMail(registered);

        // confirm with the link from the mail
        OutgoingMail mail = mailGateway.delivered().stream().filter(m -> m.to().equals(email)).findFirst()
            .orElseThrow();
        Matcher link = LINK.matcher(mail.body());
        assertThat(link.find()).as("opt-in link in:\n%s", mail.body()).isTrue();
        open(link.group(1));
        WebElement confirm = waitFor(By.cssSelector("form[action='/buerger/bestaetigen'] button"));
        accessibility.check("opt-in page");
        confirm.click();
        assertThat(waitFor(By.cssSelector(".flash")).getText()).contains("Ihre E-Mail-Adresse ist bestätigt");

        // log in
        type("username", username);
        type("password", PASSWORD);
        browser.findElement(By.cssSelector("form[action='/buerger/anmelden'] button[type=submit]")).click();
        waitFor(By.cssSelector("dl.account"));
        assertThat(browser.getCurrentUrl()).endsWith("/buerger/meine-daten");
        assertThat(browser.findElement(By.cssSelector("header .user a")).getText()).isEqualTo(username);
        accessibility.check("my data, nothing followed yet");

        // follow a procedure on its public page
        String title = openAPublicProjectWithAFollowButton();
        browser.findElement(By.xpath("//div[@class='follow']//button[normalize-space()='Verfahren folgen']")).click();
        assertThat(waitFor(By.cssSelector(".flash")).getText()).contains("Sie folgen jetzt");
        assertThat(browser.getCurrentUrl()).contains("/oeffentlich/vorhaben/");
        assertThat(waitFor(By.xpath("//div[@class='follow']//button")).getText()).isEqualTo("Nicht mehr folgen");

        // see it on "Meine Daten"
        browser.findElement(By.cssSelector("header .user a[href='/buerger/meine-daten']")).click();
        WebElement follows = waitFor(By.cssSelector("#section-follows + ul"));
        assertThat(follows.getText()).contains(title);
        assertThat(browser.findElement(By.cssSelector("dl.account")).getText()).contains("Jana", "Beispiel", email);
        accessibility.check("my data with a follow");
        onAPhone(() -> {
            accessibility.check("my data at 360 px");
            Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow.intValue()).as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(0);
        });
        open("/buerger/verfahren");
        waitFor(By.cssSelector("ul.procedure-list"));
        accessibility.check("procedures to follow");
        open("/buerger/meine-daten");

        // delete the account
        waitFor(By.cssSelector("a[href='/buerger/meine-daten/loeschen']")).click();
        type("password", "nicht mein Passwort");
        browser.findElement(By.cssSelector("form[action='/buerger/meine-daten/loeschen'] button[type=submit]"))
            .click();
        assertThat(waitFor(By.id("password-error")).getText()).contains("Ihr Konto wurde nicht gelöscht");
        accessibility.check("account deletion with a wrong password");
        type("password", PASSWORD);
        browser.findElement(By.cssSelector("form[action='/buerger/meine-daten/loeschen'] button[type=submit]"))
            .click();
        waitForHeading("Konto gelöscht");
        accessibility.check("account deleted");
        assertThat(browser.findElement(By.cssSelector("header .user")).getText()).contains("Bürgerkonto")
            .doesNotContain(username);

        open("/buerger/meine-daten");
        waitFor(By.cssSelector("form[action='/buerger/anmelden']"));
        assertThat(browser.getCurrentUrl()).contains("/buerger/anmelden");
        Citizen deleted = citizens.findById(registered.getId()).orElseThrow();
        assertThat(deleted.getEmail()).isNull();
        assertThat(directory.displayName(registered.getId())).isEqualTo("gelöschte:r Nutzer:in");
        assertThat(accessibility.barriers()).as("serious or critical WCAG violations").isEmpty();
    }

    private void onAPhone(Runnable check) {
        Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(360, 800));
        try {
            browser.navigate().refresh();
            waitFor(By.tagName("footer"));
            check.run();
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    private void sendConfirmationMail(Citizen citizen) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
            .processDefinitionKey(CitizenProcesses.REGISTRATION)
            .processInstanceBusinessKey(String.valueOf(citizen.getId())).singleResult();
        Job job = managementService.createJobQuery().processInstanceId(instance.getId())
            .activityId(CitizenProcesses.TASK_SEND_CONFIRMATION_MAIL).singleResult();
        managementService.executeJob(job.getId());
    }

    /** A project of the public list whose procedure runs, so it can be followed; returns its title. */
    private String openAPublicProjectWithAFollowButton() {
        open("/oeffentlich/vorhaben");
        List<String> projects = browser.findElements(By.cssSelector("main a[href*='/oeffentlich/vorhaben/']"))
            .stream().map(a -> URI.create(a.getAttribute("href")).getPath()).distinct().toList();
        for (String project : projects) {
            open(project);
            if (!browser.findElements(By.xpath("//div[@class='follow']//button[normalize-space()='Verfahren folgen']"))
                    .isEmpty()) {
                return browser.findElement(By.tagName("h1")).getText();
            }
        }
        throw new AssertionError("No public project with a follow button among " + projects);
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
        return new WebDriverWait(browser, Duration.ofSeconds(15))
            .until(driver -> driver.findElements(locator).stream().findFirst().orElse(null));
    }

    /** After a click the old page's heading may still be there (and go stale): wait for the new page's. */
    private void waitForHeading(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
            .until(ExpectedConditions.textToBe(By.tagName("h1"), text));
    }
}
