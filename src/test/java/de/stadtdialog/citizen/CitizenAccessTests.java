package de.stadtdialog.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.StaffLogin;
import de.stadtdialog.citizen.internal.Citizen;

/**
 * Citizens and staff stay apart: a logged-in citizen gets 403 on every staff page and the Camunda webapps and 401
 * from {@code /engine-rest}; staff get 403 on citizens' account pages; public pages show the citizen's name and
 * their own logout.
 */
@StadtdialogSpringTest
class CitizenAccessTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    CitizenScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new CitizenScenario(context);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/aufgaben", "/verfahren", "/verfahren/export.csv", "/sitzungsreihen/neu",
        "/postausgang", "/start", "/camunda/app/cockpit/default/", "/camunda/app/admin/default/"})
    void citizenIsForbiddenOnStaffPages(String url) throws Exception {
        Citizen citizen = scenario.confirmed("kein-personal");

        mvc.perform(get(url).accept(MediaType.TEXT_HTML).with(CitizenScenario.as(citizen)))
            .andExpect(status().isForbidden());
    }

    @Test
    void overRealHttpTheCitizenSessionReachesNoStaffPageWebappOrEngineApi() throws Exception {
        Citizen citizen = scenario.confirmed("echt");
        HttpBrowser browser = new HttpBrowser(port);
        browser.login(citizen.getUsername(), CitizenScenario.PASSWORD);
        assertThat(browser.get("/buerger/meine-daten").statusCode()).as("logged in").isEqualTo(200);

        assertThat(browser.get("/aufgaben").statusCode()).isEqualTo(403);
        assertThat(browser.get("/verfahren").statusCode()).isEqualTo(403);
        assertThat(browser.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
        assertThat(browser.get("/camunda/api/engine/engine/default/user").statusCode()).isIn(401, 403);
        HttpResponse<String> rest = browser.get("/engine-rest/process-definition");
        assertThat(rest.statusCode()).as("the engine API ignores the session").isEqualTo(401);
        assertThat(rest.body()).doesNotContain("CitizenRegistrationProcess");
    }

    @Test
    void engineRestRefusesCitizenCredentialsWith401() throws Exception {
        Citizen citizen = scenario.confirmed("rest");
        HttpBrowser client = new HttpBrowser(port);

        HttpResponse<String> byName = client.getWithBasic("/engine-rest/process-definition", citizen.getUsername(),
            CitizenScenario.PASSWORD);
        HttpResponse<String> byAddress = client.getWithBasic("/engine-rest/task", citizen.getEmail(),
            CitizenScenario.PASSWORD);

        assertThat(byName.statusCode()).isEqualTo(401);
        assertThat(byName.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
            .startsWith("Basic"));
        assertThat(byAddress.statusCode()).isEqualTo(401);
        assertThat(client.getWithBasic("/engine-rest/process-definition", "officer", "demo").statusCode())
            .as("staff still get in").isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/buerger/meine-daten", "/buerger/meine-daten/download", "/buerger/verfahren",
        "/buerger/meine-daten/loeschen"})
    void accountPagesNeedACitizen(String url) throws Exception {
        mvc.perform(get(url)).andExpect(redirectedUrlPattern("**/buerger/anmelden"));
        mvc.perform(get(url).with(StaffLogin.as("officer"))).andExpect(status().isForbidden());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/buerger/anmelden", "/buerger/registrieren", "/buerger/registriert",
        "/buerger/bestaetigung-anfordern", "/buerger/passwort-vergessen", "/buerger/konto-geloescht",
        "/buerger/datenschutz"})
    void publicCitizenPagesAnswerEveryone(String url) throws Exception {
        mvc.perform(get(url)).andExpect(status().isOk());
    }

    @Test
    void publicPagesShowTheCitizensNameAndTheirOwnLogout() throws Exception {
        Citizen citizen = scenario.confirmed("oeffentlich");

        String html = mvc.perform(get("/oeffentlich/sitzungen").with(CitizenScenario.as(citizen)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        var header = Jsoup.parse(html).select("header .user");
        assertThat(header.select("a[href=/buerger/meine-daten]").text()).isEqualTo(citizen.getUsername());
        assertThat(header.select("form[action=/buerger/abmelden]")).hasSize(1);
        assertThat(header.select("form[action=/logout]")).isEmpty();
        assertThat(Jsoup.parse(html).select("nav a[href=/aufgaben]")).isEmpty();

        String anonymous = mvc.perform(get("/oeffentlich/sitzungen")).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(anonymous).select("header .user a[href=/buerger/anmelden]").text())
            .isEqualTo("Bürgerkonto");
    }

    @Test
    void staffSeeTheirOwnNameNotACitizenLink() throws Exception {
        String html = mvc.perform(get("/oeffentlich/sitzungen").with(StaffLogin.as("officer")))
            .andReturn().getResponse().getContentAsString();

        var header = Jsoup.parse(html).select("header .user");
        assertThat(header.text()).contains("Petra Schneider");
        assertThat(header.select("form[action=/logout]")).hasSize(1);
        assertThat(header.select("form[action=/buerger/abmelden]")).isEmpty();
    }
}
