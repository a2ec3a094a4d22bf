package de.stadtdialog.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.citizen.internal.Citizen;
import de.stadtdialog.citizen.internal.CitizenRepository;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.procedure.ProcedureStatus;

/**
 * The citizens' login through the real filter chain: username or address, wrong password, unconfirmed account,
 * the limit on failed attempts, logout, and the way back to the page that asked for the login.
 */
@StadtdialogSpringTest
class LoginPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    CitizenRepository citizens;
    @Autowired
    ProcedureRepository procedures;

    CitizenScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new CitizenScenario(context);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private MockHttpServletRequestBuilder login(String username, String password) {
        return post("/buerger/anmelden").with(csrf()).with(scenario.fromHere())
            .param("username", username).param("password", password);
    }

    /** Who the session of a login response belongs to, as "Meine Daten" shows it. */
    private String usernameInSessionOf(MvcResult login) throws Exception {
        String html = mvc.perform(get("/buerger/meine-daten").with(CitizenScenario.sessionOf(login)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html).select("dl.account dd").first().text();
    }

    @Test
    void loginPageHasLabelledFieldsAndTheWaysToRegisterAndReset() throws Exception {
        String html = mvc.perform(get("/buerger/anmelden")).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString();

        var page = Jsoup.parse(html);
        assertThat(page.select("label[for=username]").text()).isEqualTo("Benutzername oder E-Mail-Adresse");
        assertThat(page.select("label[for=password]").text()).isEqualTo("Passwort");
        assertThat(page.select("form[action=/buerger/anmelden] input[name=_csrf]")).hasSize(1);
        assertThat(page.select("a[href=/buerger/registrieren]")).isNotEmpty();
        assertThat(page.select("a[href=/buerger/passwort-vergessen]")).isNotEmpty();
    }

    @Test
    void confirmedCitizenLogsInWithUsernameOrAddressAndLandsOnMyData() throws Exception {
        Citizen citizen = scenario.confirmed("anmelden");

        MvcResult byName = mvc.perform(login(citizen.getUsername().toUpperCase(), CitizenScenario.PASSWORD))
            .andExpect(redirectedUrl("/buerger/meine-daten")).andReturn();
        assertThat(usernameInSessionOf(byName)).isEqualTo(citizen.getUsername());

        MvcResult byAddress = mvc.perform(login(" " + citizen.getEmail().toUpperCase(), CitizenScenario.PASSWORD))
            .andExpect(redirectedUrl("/buerger/meine-daten")).andReturn();
        assertThat(usernameInSessionOf(byAddress)).isEqualTo(citizen.getUsername());
    }

    @Test
    void demoCitizenLogsIn() throws Exception {
        MvcResult result = mvc.perform(login("buerger", "demo")).andExpect(redirectedUrl("/buerger/meine-daten"))
            .andReturn();

        String data = mvc.perform(get("/buerger/meine-daten").with(CitizenScenario.sessionOf(result)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var page = Jsoup.parse(data);
        assertThat(page.select("dl.account dd").first().text()).isEqualTo("buerger");
        assertThat(page.select("#section-follows + ul li")).as("follows one demo procedure").hasSize(1);
    }

    @Test
    void wrongPasswordShowsOneMessageAndKeepsTheName() throws Exception {
        Citizen citizen = scenario.confirmed("falsch");

        String html = mvc.perform(login(citizen.getUsername(), "nicht das Passwort"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        var page = Jsoup.parse(html);
        assertThat(page.select("#login-error").text())
            .isEqualTo("Benutzername, E-Mail-Adresse oder Passwort ist falsch.");
        assertThat(page.select("#username").val()).isEqualTo(citizen.getUsername());
        assertThat(page.select("#username").attr("aria-describedby")).isEqualTo("login-error");
        assertThat(page.select("#password").val()).isEmpty();

        String unknown = mvc.perform(login(scenario.username("gibtsnicht"), "egal-egal-egal"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(unknown).select("#login-error").text())
            .as("no hint whether the name exists").isEqualTo(page.select("#login-error").text());
    }

    @Test
    void unconfirmedAccountIsToldToConfirmFirst() throws Exception {
        Citizen pending = scenario.registered("unbestaetigt");

        String html = mvc.perform(login(pending.getUsername(), CitizenScenario.PASSWORD))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        var page = Jsoup.parse(html);
        assertThat(page.select("#login-error").text()).contains("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse");
        assertThat(page.select("#login-error a[href=/buerger/bestaetigung-anfordern]")).hasSize(1);
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneWaitsAndThePageSays429() throws Exception {
        Citizen citizen = scenario.confirmed("gesperrt");
        for (int i = 0; i < 5; i++) {
            // alternating name and address: the account counts, not what was typed
            String name = i % 2 == 0 ? citizen.getUsername() : citizen.getEmail();
            mvc.perform(login(name, "falsch-" + i).with(CitizenScenario.from(scenario.otherClient(i))))
                .andExpect(status().isOk());
        }

        String html = mvc.perform(login(citizen.getUsername(), CitizenScenario.PASSWORD))
            .andExpect(status().isTooManyRequests()).andReturn().getResponse().getContentAsString();

        var page = Jsoup.parse(html);
        assertThat(page.select("#rate-limit").text()).contains("Zu viele Versuche", "Uhr erneut");
        assertThat(page.select("#username").val()).isEqualTo(citizen.getUsername());

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(16))));
        mvc.perform(login(citizen.getUsername(), CitizenScenario.PASSWORD))
            .andExpect(redirectedUrl("/buerger/meine-daten"));
    }

    @Test
    void twentyFailuresFromOneClientBlockThatClientForAnyName() throws Exception {
        Citizen citizen = scenario.confirmed("klient");
        for (int i = 0; i < 20; i++) {
            mvc.perform(login(scenario.username("raten" + i), "falsch")).andExpect(status().isOk());
        }

        mvc.perform(login(citizen.getUsername(), CitizenScenario.PASSWORD))
            .andExpect(status().isTooManyRequests());
        mvc.perform(login(citizen.getUsername(), CitizenScenario.PASSWORD)
                .with(CitizenScenario.from(scenario.otherClient(1))))
            .andExpect(redirectedUrl("/buerger/meine-daten"));
    }

    @Test
    void staffCredentialsDoNotWorkHereNorCitizenCredentialsAtTheStaffLogin() throws Exception {
        Citizen citizen = scenario.confirmed("getrennt");

        mvc.perform(login("secretariat", "demo")).andExpect(status().isOk());
        mvc.perform(post("/login").with(csrf()).param("username", citizen.getUsername())
                .param("password", CitizenScenario.PASSWORD))
            .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void logoutEndsTheCitizensSession() throws Exception {
        Citizen citizen = scenario.confirmed("abmelden");
        MvcResult login = mvc.perform(login(citizen.getUsername(), CitizenScenario.PASSWORD)).andReturn();
        mvc.perform(get("/buerger/meine-daten").with(CitizenScenario.sessionOf(login))).andExpect(status().isOk());

        mvc.perform(post("/buerger/abmelden").with(csrf()).with(CitizenScenario.sessionOf(login)))
            .andExpect(redirectedUrl("/buerger/anmelden?abgemeldet"));

        mvc.perform(get("/buerger/meine-daten").with(CitizenScenario.sessionOf(login)))
            .andExpect(redirectedUrlPattern("**/buerger/anmelden"));
    }

    @Test
    void loginAskedForByAFollowLinkLeadsBackToIt() throws Exception {
        Citizen citizen = scenario.confirmed("zurueck");
        Procedure procedure = procedures.findAll().stream()
            .filter(p -> p.getStatus() == ProcedureStatus.RUNNING && "kaiserslautern".equals(p.getTenantId()))
            .findFirst().orElseThrow();
        MvcResult asked = mvc.perform(get("/buerger/folgen/" + procedure.getId()))
            .andExpect(redirectedUrlPattern("**/buerger/anmelden")).andReturn();
        MvcResult result = mvc.perform(login(citizen.getUsername(), CitizenScenario.PASSWORD)
            .with(CitizenScenario.sessionOf(asked))).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).startsWith("/buerger/folgen/" + procedure.getId());
        String html = mvc.perform(get("/buerger/folgen/" + procedure.getId())
                .with(CitizenScenario.sessionOf(result)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select("form[action=/buerger/folgen/" + procedure.getId() + "] button").text())
            .isEqualTo("Verfahren folgen");
    }

    @Test
    void aStaffPageTriedEarlierIsNotWhereACitizenLands() throws Exception {
        Citizen citizen = scenario.confirmed("nichtstaff");
        MvcResult asked = mvc.perform(get("/aufgaben").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrlPattern("**/login")).andReturn();

        mvc.perform(login(citizen.getUsername(), CitizenScenario.PASSWORD).with(CitizenScenario.sessionOf(asked)))
            .andExpect(redirectedUrl("/buerger/meine-daten"));
    }

    @Test
    void loggedInCitizenIsSentFromLoginAndRegistrationToMyData() throws Exception {
        Citizen citizen = scenario.confirmed("schondrin");

        mvc.perform(get("/buerger/anmelden").with(CitizenScenario.as(citizen)))
            .andExpect(redirectedUrl("/buerger/meine-daten"));
        mvc.perform(get("/buerger/registrieren").with(CitizenScenario.as(citizen)))
            .andExpect(redirectedUrl("/buerger/meine-daten"));
    }
}
