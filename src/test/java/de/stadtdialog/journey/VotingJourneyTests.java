package de.stadtdialog.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.springframework.context.ApplicationContext;


import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.citizen.CitizenScenario;
import de.stadtdialog.citizen.internal.Citizen;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.voting.VotingMethod;
import de.stadtdialog.voting.VotingScenario;

/**
 * A citizen votes in a real headless Chromium: log in → the vote's public page (options side by side) → the
 * ballot → the receipt code, shown once → the vote closes (clock moved past the end, closing timer executed) →
 * the public result shows the bar chart and the table with the vote counted, and the receipt check says so.
 * Every page on the way is checked with axe-core (no serious or critical WCAG 2.1 A/AA violation), the result
 * also at 360 px.
 */
@StadtdialogSpringTest
class VotingJourneyTests {

    private static final Instant NOW = VotingScenario.berlin("2027-07-05T10:00");
    private static final Instant OPENS = VotingScenario.berlin("2027-07-05T08:00");
    private static final Instant CLOSES = VotingScenario.berlin("2027-07-19T18:00");
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    WebDriver browser;
    AccessibilityCheck accessibility;

    @BeforeEach
    void openBrowser() throws Exception {
        ClockUtil.setCurrentTime(Date.from(NOW));
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
    void citizenVotes_receivesTheReceipt_voteCloses_resultChartShowsTheVoteCounted() {
        Citizen citizen = new CitizenScenario(context).confirmed("waehlerin");
        VotingScenario scenario = new VotingScenario(context);
        Procedure procedure = scenario.setUp(scenario.command(VotingMethod.SINGLE_CHOICE, false, null, OPENS, CLOSES));
        scenario.approveAndOpen(procedure);
        Long voteId = scenario.vote(procedure).getId();
        Long fountain = scenario.optionIds(procedure).get(1);

        open("/buerger/anmelden");
        type("username", citizen.getUsername());
        type("password", CitizenScenario.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/buerger/anmelden'] button[type=submit]")).click();
        waitFor(By.cssSelector("dl.account"));

        open("/oeffentlich/abstimmungen/" + voteId);
        waitForHeading(scenario.title());
        assertThat(browser.findElements(By.cssSelector("ul.vote-options > li"))).hasSize(3);
        assertThat(browser.findElement(By.cssSelector(".vote-binding")).getText()).contains("Empfehlung");
        accessibility.check("public vote page, open");
        browser.findElement(By.linkText("Jetzt abstimmen")).click();

        waitFor(By.cssSelector("form.ballot-form"));
        accessibility.check("ballot form");
        browser.findElement(By.cssSelector("label[for='choice-" + fountain + "']")).click();
        browser.findElement(By.cssSelector("form.ballot-form button[type=submit]")).click();

        String code = waitFor(By.id("receipt-code")).getText();
        assertThat(code).matches("[0-9A-Z]{5}(-[0-9A-Z]{5}){3}");
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).contains("ist gespeichert");
        accessibility.check("receipt");

        // the vote closes: time passes its end, and the closing timer job runs (the paper entry is done)
        ClockUtil.setCurrentTime(Date.from(CLOSES.plusSeconds(60)));
        scenario.finishPaperAndClose(procedure);

        open("/oeffentlich/abstimmungen/" + voteId);
        WebElement result = waitFor(By.cssSelector("section.vote-result"));
        assertThat(result.findElement(By.cssSelector(".vote-winner")).getText()).contains("Entwurf B: Wasserspiel");
        assertThat(result.getText()).contains("Abgegebene Stimmen: 1");
        assertThat(result.findElements(By.cssSelector(".vote-chart .chart-bar.winner"))).hasSize(1);
        WebElement fountainRow = result.findElement(By.xpath(
            "//table[contains(@class,'vote-round')]//tr[th[contains(.,'Entwurf B')]]"));
        assertThat(fountainRow.findElements(By.tagName("td")).get(0).getText()).isEqualTo("1");
        accessibility.check("public vote page with the result");
        onAPhone(() -> accessibility.check("result at 360 px"));

        type("code", code.toLowerCase());
        browser.findElement(By.cssSelector("form[action$='/quittung'] button[type=submit]")).click();
        assertThat(waitFor(By.cssSelector(".flash")).getText()).contains("wurde gezählt");
        accessibility.check("receipt check");

        assertThat(accessibility.barriers()).as("serious or critical WCAG violations").isEmpty();
    }

    private void onAPhone(Runnable check) {
        Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(360, 800));
        try {
            browser.navigate().refresh();
            waitFor(By.tagName("footer"));
            Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(0L);
            check.run();
        } finally {
            browser.manage().window().setSize(desktop);
        }
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
