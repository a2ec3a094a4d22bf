package de.stadtdialog.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.citizen.internal.Citizen;
import de.stadtdialog.citizen.internal.CitizenProcesses;
import de.stadtdialog.citizen.internal.CitizenRepository;
import de.stadtdialog.citizen.internal.CitizenStatus;
import de.stadtdialog.notification.OutgoingMail;

/**
 * /buerger/registrieren and the double opt-in pages: field messages, unavailable names, the same answer for
 * known and unknown addresses, the link page, and every kind of broken link.
 */
@StadtdialogSpringTest
class RegistrationPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    CitizenRepository citizens;
    @Autowired
    HistoryService historyService;

    CitizenScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new CitizenScenario(context);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private MockHttpServletRequestBuilder registration(String name) {
        return registration(name, Map.of());
    }

    /** The form as a person fills it in; {@code changed} replaces single fields. */
    private MockHttpServletRequestBuilder registration(String name, Map<String, String> changed) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", scenario.username(name));
        fields.put("firstName", "Erika");
        fields.put("lastName", "Mustermann");
        fields.put("email", scenario.email(name));
        fields.put("password", CitizenScenario.PASSWORD);
        fields.put("passwordRepeat", CitizenScenario.PASSWORD);
        fields.put("consent", "true");
        fields.putAll(changed);
        MockHttpServletRequestBuilder request = post("/buerger/registrieren").with(csrf()).with(scenario.fromHere());
        fields.forEach(request::param);
        return request;
    }

    @Test
    void formShowsEveryFieldWithLabelAndTheArt13NoticeBesideIt() throws Exception {
        String html = mvc.perform(get("/buerger/registrieren").with(scenario.fromHere()))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        var page = Jsoup.parse(html);
        for (String field : new String[] {"username", "firstName", "lastName", "email", "password",
            "passwordRepeat", "consent"}) {
            assertThat(page.select("label[for=" + field + "]")).as(field).hasSize(1);
            assertThat(page.select("#" + field)).as(field).hasSize(1);
        }
        assertThat(page.select("#password").attr("type")).isEqualTo("password");
        assertThat(page.select("#username").attr("aria-describedby")).isEqualTo("username-hint");
        String notice = page.select("aside.privacy-notice").text();
        assertThat(notice).contains("Art. 13 DSGVO", "Stadtverwaltung Kaiserslautern", "Art. 6 Abs. 1 Buchst. e DSGVO",
            "nach 2 Tagen", "bis Sie es löschen", "Art. 15", "Art. 17", "Datenschutzbeauftragte",
            "datenschutz@stadtdialog.example", "Landesbeauftragte");
        assertThat(page.select("form input[name=_csrf]")).hasSize(1);
    }

    @Test
    void formAndNoticeInEnglish() throws Exception {
        String html = mvc.perform(get("/buerger/registrieren").param("lang", "en"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        var page = Jsoup.parse(html);
        assertThat(page.select("h1").text()).isEqualTo("Create a citizen account");
        assertThat(page.select("label[for=email]").text()).isEqualTo("E-mail address");
        assertThat(page.select("aside.privacy-notice").text()).contains("Privacy notice (Art. 13 GDPR)",
            "Art. 6(1)(e) GDPR", "after 2 days");
    }

    @Test
    void invalidInputGetsAMessageNextToEachFieldAndKeepsWhatWasTyped() throws Exception {
        String html = mvc.perform(post("/buerger/registrieren").with(csrf()).with(scenario.fromHere())
                .param("username", "x!")
                .param("firstName", "")
                .param("lastName", "Mustermann")
                .param("email", "keine-adresse")
                .param("password", "kurz")
                .param("passwordRepeat", "anders"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        var page = Jsoup.parse(html);
        assertThat(page.select("#username-error").text()).contains("3 bis 30 Zeichen");
        assertThat(page.select("#username").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#username").attr("aria-describedby")).isEqualTo("username-hint username-error");
        assertThat(page.select("#username").val()).isEqualTo("x!");
        assertThat(page.select("#firstName-error").text()).isEqualTo("Bitte geben Sie Ihren Vornamen ein.");
        assertThat(page.select("#lastName-error")).isEmpty();
        assertThat(page.select("#lastName").val()).isEqualTo("Mustermann");
        assertThat(page.select("#email-error").text()).contains("gültige E-Mail-Adresse");
        assertThat(page.select("#password-error").text()).contains("mindestens 10 Zeichen");
        assertThat(page.select("#password").val()).as("passwords are not sent back").isEmpty();
        assertThat(page.select("#passwordRepeat-error").text()).contains("stimmen nicht überein");
        assertThat(page.select("#consent-error").text()).contains("Datenschutzhinweise");
        assertThat(page.select("#consent").attr("aria-describedby")).isEqualTo("consent-hint consent-error");
        assertThat(page.select(".error-summary a[href=#email]")).hasSize(1);
        assertThat(citizens.findByTenantIdAndEmail(CitizenScenario.TENANT, "keine-adresse")).isEmpty();
    }

    @Test
    void tooLongPasswordInBytesIsRefusedNotCut() throws Exception {
        String umlauts = "ä".repeat(40);
        String html = mvc.perform(registration("lang", Map.of("password", umlauts, "passwordRepeat", umlauts)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(Jsoup.parse(html).select("#password-error").text()).contains("72 Bytes");
    }

    @Test
    void registrationCreatesAPendingAccountAndTheOptInProcessWhichMailsTheLink() throws Exception {
        mvc.perform(registration("neu")).andExpect(redirectedUrl("/buerger/registriert"));

        Citizen citizen = scenario.citizen("neu");
        assertThat(citizen.getStatus()).isEqualTo(CitizenStatus.PENDING);
        assertThat(citizen.getEmail()).isEqualTo(scenario.email("neu"));
        assertThat(citizen.getPasswordHash()).startsWith("$2").doesNotContain(CitizenScenario.PASSWORD);
        assertThat(scenario.instance(CitizenProcesses.REGISTRATION, citizen.getId())).isNotNull();
        assertThat(scenario.mailsTo(citizen.getEmail())).as("sent by the process's job, not the request").isEmpty();

        scenario.executeJob(CitizenProcesses.REGISTRATION, citizen.getId(),
            CitizenProcesses.TASK_SEND_CONFIRMATION_MAIL);

        OutgoingMail mail = scenario.mailsTo(citizen.getEmail()).get(0);
        assertThat(mail.subject()).isEqualTo("Bitte bestätigen Sie Ihre Registrierung");
        assertThat(mail.body()).contains("Guten Tag Erika Mustermann", "„" + scenario.username("neu") + "“",
            "/buerger/bestaetigen?token=", "Der Link gilt bis");
        String html = mvc.perform(get("/buerger/registriert")).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString();
        assertThat(html).contains("Bitte prüfen Sie Ihr Postfach", "innerhalb von 2 Tagen");
    }

    @Test
    void usernameTakenOrReservedOrAStaffIdIsRefusedAtTheField() throws Exception {
        scenario.registered("doppelt");

        String taken = mvc.perform(registration("anderer", Map.of("username", scenario.username("DOPPELT"))))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(taken).select("#username-error").text()).contains("schon vergeben");
        assertThat(citizens.findByTenantIdAndEmail(CitizenScenario.TENANT, scenario.email("anderer"))).isEmpty();

        for (String name : new String[] {"officer", "Stadtverwaltung", "admin"}) {
            String html = mvc.perform(registration("reserviert", Map.of("username", name)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(Jsoup.parse(html).select("#username-error").text()).as(name).contains("nicht verfügbar");
        }
    }

    /**
     * The documented choice against account enumeration: a registered address gets the same answer as a new
     * one; the account holder is told by mail instead, and no second account exists.
     */
    @Test
    void knownAddressGetsTheSameAnswerAndTheAccountHolderANotice() throws Exception {
        Citizen existing = scenario.confirmed("bekannt");
        long before = citizens.count();

        mvc.perform(registration("zweiter", Map.of("email", existing.getEmail().toUpperCase())))
            .andExpect(redirectedUrl("/buerger/registriert"));

        assertThat(citizens.count()).isEqualTo(before);
        assertThat(citizens.findByTenantIdAndUsernameKey(CitizenScenario.TENANT, scenario.username("zweiter")))
            .isEmpty();
        scenario.sendAccountMails(existing.getId());
        OutgoingMail notice = scenario.mailsTo(existing.getEmail()).stream()
            .filter(mail -> mail.subject().equals("Sie haben bereits ein Konto")).findFirst().orElseThrow();
        assertThat(notice.body()).contains(existing.getUsername(), "/buerger/passwort-vergessen")
            .doesNotContain("token=");
    }

    @Test
    void knownButUnconfirmedAddressGetsANewLinkInstead() throws Exception {
        Citizen pending = scenario.registered("wartend");

        mvc.perform(registration("nochmal", Map.of("email", pending.getEmail())))
            .andExpect(redirectedUrl("/buerger/registriert"));
        scenario.sendAccountMails(pending.getId());

        assertThat(scenario.mailsTo(pending.getEmail())).hasSize(2)
            .allSatisfy(mail -> assertThat(mail.subject()).isEqualTo("Bitte bestätigen Sie Ihre Registrierung"));
        String newToken = scenario.tokenFromLastMailTo(pending.getEmail());
        mvc.perform(post("/buerger/bestaetigen").with(csrf()).param("token", newToken))
            .andExpect(redirectedUrl("/buerger/anmelden?bestaetigt"));
        assertThat(scenario.citizen("wartend").getStatus()).isEqualTo(CitizenStatus.CONFIRMED);
    }

    @Test
    void theLinkOpensAPageWhoseButtonConfirms() throws Exception {
        Citizen citizen = scenario.registered("link");
        String token = scenario.tokenFromLastMailTo(citizen.getEmail());
        String path = CitizenScenario.linkIn(scenario.mailsTo(citizen.getEmail()).get(0).body(),
            "/buerger/bestaetigen");

        String html = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString();

        var form = Jsoup.parse(html).select("form[action=/buerger/bestaetigen]");
        assertThat(form.select("input[name=token]").val()).isEqualTo(token);
        assertThat(scenario.citizen("link").getStatus()).as("opening the link changes nothing")
            .isEqualTo(CitizenStatus.PENDING);

        mvc.perform(post("/buerger/bestaetigen").with(csrf()).param("token", token))
            .andExpect(redirectedUrl("/buerger/anmelden?bestaetigt"));

        Citizen confirmed = scenario.citizen("link");
        assertThat(confirmed.getStatus()).isEqualTo(CitizenStatus.CONFIRMED);
        assertThat(confirmed.getConfirmedAt()).isNotNull();
        assertThat(scenario.instance(CitizenProcesses.REGISTRATION, citizen.getId())).as("process ended").isNull();
        assertThat(historyService.createHistoricProcessInstanceQuery()
            .processDefinitionKey(CitizenProcesses.REGISTRATION).processInstanceBusinessKey(
                String.valueOf(citizen.getId())).singleResult().getEndActivityId())
            .isEqualTo(CitizenProcesses.END_REGISTRATION_CONFIRMED);
        assertThat(mvc.perform(get("/buerger/anmelden?bestaetigt")).andReturn().getResponse().getContentAsString())
            .contains("Ihre E-Mail-Adresse ist bestätigt");
    }

    @Test
    void usedLinkSaysAlreadyConfirmedAndLeadsToTheLogin() throws Exception {
        Citizen citizen = scenario.registered("zweimal");
        String token = scenario.tokenFromLastMailTo(citizen.getEmail());
        mvc.perform(post("/buerger/bestaetigen").with(csrf()).param("token", token))
            .andExpect(redirectedUrl("/buerger/anmelden?bestaetigt"));

        for (var request : new MockHttpServletRequestBuilder[] {get("/buerger/bestaetigen").param("token", token),
            post("/buerger/bestaetigen").with(csrf()).param("token", token)}) {
            String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
            var page = Jsoup.parse(html);
            assertThat(page.select("h1").text()).isEqualTo("Bereits bestätigt");
            assertThat(page.select("a[href=/buerger/anmelden]")).isNotEmpty();
        }
    }

    @Test
    void expiredLinkIsExplainedWithAWayToANewOne() throws Exception {
        Citizen citizen = scenario.registered("abgelaufen");
        String token = scenario.tokenFromLastMailTo(citizen.getEmail());
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(2)).plus(Duration.ofMinutes(1))));

        for (var request : new MockHttpServletRequestBuilder[] {get("/buerger/bestaetigen").param("token", token),
            post("/buerger/bestaetigen").with(csrf()).param("token", token)}) {
            String html = mvc.perform(request).andExpect(status().isGone()).andReturn().getResponse()
                .getContentAsString();
            var page = Jsoup.parse(html);
            assertThat(page.select("h1").text()).isEqualTo("Link abgelaufen");
            assertThat(page.text()).contains("Dieser Bestätigungslink ist abgelaufen");
            assertThat(page.select("a[href=/buerger/bestaetigung-anfordern]")).isNotEmpty();
            assertThat(page.select("a[href=/buerger/registrieren]")).isNotEmpty();
        }
        assertThat(scenario.citizen("abgelaufen").getStatus()).isEqualTo(CitizenStatus.PENDING);
    }

    @Test
    void unknownOrMangledLinkIsA404WithTheSameWaysOut() throws Exception {
        for (String token : new String[] {"gibt-es-nicht", "", "x".repeat(500)}) {
            String html = mvc.perform(get("/buerger/bestaetigen").param("token", token))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
            assertThat(Jsoup.parse(html).select("h1").text()).isEqualTo("Link ungültig");
            assertThat(html).contains("/buerger/bestaetigung-anfordern");
        }
        mvc.perform(get("/buerger/bestaetigen")).andExpect(status().isNotFound());
    }

    @Test
    void newLinkCanBeRequestedWithTheSameAnswerForAnyAddress() throws Exception {
        Citizen pending = scenario.registered("verloren");

        mvc.perform(get("/buerger/bestaetigung-anfordern")).andExpect(status().isOk());
        mvc.perform(post("/buerger/bestaetigung-anfordern").with(csrf()).with(scenario.fromHere())
                .param("email", pending.getEmail()))
            .andExpect(redirectedUrl("/buerger/registriert?erneut"));
        mvc.perform(post("/buerger/bestaetigung-anfordern").with(csrf()).with(scenario.fromHere())
                .param("email", scenario.email("niemand")))
            .andExpect(redirectedUrl("/buerger/registriert?erneut"));
        scenario.sendAccountMails(pending.getId());

        assertThat(scenario.mailsTo(pending.getEmail())).hasSize(2);
        assertThat(scenario.mailsTo(scenario.email("niemand"))).isEmpty();
        String html = mvc.perform(post("/buerger/bestaetigung-anfordern").with(csrf()).with(scenario.fromHere())
                .param("email", "kaputt"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select("#email-error").text()).contains("gültige E-Mail-Adresse");
    }

    @Test
    void tooManyRegistrationsForOneAddressAnswer429WithTheTimeToTryAgain() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(registration("viel" + i, Map.of("email", scenario.email("viel")))
                    .with(CitizenScenario.from(scenario.otherClient(i))))
                .andExpect(redirectedUrl("/buerger/registriert"));
        }

        String html = mvc.perform(registration("viel9", Map.of("email", scenario.email("viel")))
                .with(CitizenScenario.from(scenario.otherClient(9))))
            .andExpect(status().isTooManyRequests()).andReturn().getResponse().getContentAsString();

        var page = Jsoup.parse(html);
        assertThat(page.select("#rate-limit").text()).contains("Zu viele Versuche", "ab ", "Uhr erneut");
        assertThat(page.select("#username").val()).as("input kept").isEqualTo(scenario.username("viel9"));
        assertThat(citizens.findByTenantIdAndUsernameKey(CitizenScenario.TENANT,
            Citizen.usernameKey(scenario.username("viel9")))).isEmpty();
    }

    @Test
    void tooManyRegistrationsFromOneClientAnswer429() throws Exception {
        for (int i = 0; i < 20; i++) {
            mvc.perform(registration("client" + i)).andExpect(redirectedUrl("/buerger/registriert"));
        }

        mvc.perform(registration("client20")).andExpect(status().isTooManyRequests());
        mvc.perform(registration("client21").with(CitizenScenario.from(scenario.otherClient(1))))
            .andExpect(redirectedUrl("/buerger/registriert"));
    }
}
