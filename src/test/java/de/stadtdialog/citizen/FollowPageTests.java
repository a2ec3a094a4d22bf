package de.stadtdialog.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.RuntimeService;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.StaffLogin;
import de.stadtdialog.citizen.internal.Citizen;
import de.stadtdialog.citizen.internal.Follow;
import de.stadtdialog.citizen.internal.FollowRepository;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.procedure.ProcedureStatus;
import de.stadtdialog.sessioncycle.SessionCycleScenario;

/**
 * Following procedures: the buttons of the fragment, going back to the page they were on, other municipalities'
 * procedures, ended procedures, and the one-click unsubscribe link that needs no login.
 */
@StadtdialogSpringTest
class FollowPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ProcedureRepository procedures;
    @Autowired
    FollowRepository follows;
    @Autowired
    RuntimeService runtimeService;

    CitizenScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new CitizenScenario(context);
    }

    private Procedure running() {
        return procedures.findAll().stream()
            .filter(p -> p.getStatus() == ProcedureStatus.RUNNING && "kaiserslautern".equals(p.getTenantId()))
            .findFirst().orElseThrow();
    }

    @Test
    void listShowsRunningProceduresWithTheFollowButton() throws Exception {
        Citizen citizen = scenario.confirmed("liste");
        Procedure procedure = running();

        String html = mvc.perform(get("/buerger/verfahren").with(CitizenScenario.as(citizen)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        var entry = Jsoup.parse(html).select("#verfahren-" + procedure.getId());
        assertThat(entry.select("h2").text()).isEqualTo(procedure.getTitle());
        assertThat(entry.text()).contains(procedure.getPhase());
        assertThat(entry.select("form[action=/buerger/folgen/" + procedure.getId() + "] button").text())
            .isEqualTo("Verfahren folgen");
        assertThat(entry.select("form input[name=_csrf]")).hasSize(1);
    }

    @Test
    void followAndUnfollowGoBackToThePageTheButtonWasOn() throws Exception {
        Citizen citizen = scenario.confirmed("folgen");
        Procedure procedure = running();

        mvc.perform(post("/buerger/folgen/" + procedure.getId()).with(csrf()).with(CitizenScenario.as(citizen))
                .header("Referer", "http://localhost/oeffentlich/vorhaben/3?mandant=kaiserslautern"))
            .andExpect(redirectedUrl("/oeffentlich/vorhaben/3?mandant=kaiserslautern"))
            .andExpect(flash().attribute("flashMessage", "Sie folgen jetzt „" + procedure.getTitle()
                + "“ und bekommen bei jedem Phasenwechsel eine E-Mail."));
        assertThat(follows.findByCitizenIdAndProcedureId(citizen.getId(), procedure.getId())).isPresent();

        // twice is still one follow
        mvc.perform(post("/buerger/folgen/" + procedure.getId()).with(csrf()).with(CitizenScenario.as(citizen)))
            .andExpect(redirectedUrl("/buerger/verfahren"));
        assertThat(follows.findByCitizenIdOrderByCreatedAt(citizen.getId())).hasSize(1);

        String html = mvc.perform(get("/buerger/verfahren").with(CitizenScenario.as(citizen)))
            .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select("#verfahren-" + procedure.getId()
            + " form[action=/buerger/entfolgen/" + procedure.getId() + "] button").text())
            .isEqualTo("Nicht mehr folgen");

        mvc.perform(post("/buerger/entfolgen/" + procedure.getId()).with(csrf()).with(CitizenScenario.as(citizen))
                .header("Referer", "http://localhost/buerger/verfahren"))
            .andExpect(redirectedUrl("/buerger/verfahren"))
            .andExpect(flash().attribute("flashMessage", "Sie folgen „" + procedure.getTitle() + "“ nicht mehr."));
        assertThat(follows.findByCitizenIdAndProcedureId(citizen.getId(), procedure.getId())).isEmpty();
    }

    @Test
    void neverRedirectsToAnotherSite() throws Exception {
        Citizen citizen = scenario.confirmed("umleitung");
        Procedure procedure = running();

        for (String referer : new String[] {"https://boese.example/phish", "//boese.example/x", "kaputt:::"}) {
            mvc.perform(post("/buerger/folgen/" + procedure.getId()).with(csrf()).with(CitizenScenario.as(citizen))
                    .header("Referer", referer))
                .andExpect(redirectedUrl("/buerger/verfahren"));
        }
        mvc.perform(post("/buerger/folgen/" + procedure.getId()).with(csrf()).with(CitizenScenario.as(citizen))
                .param("returnTo", "//boese.example"))
            .andExpect(redirectedUrl("/buerger/verfahren"));
        mvc.perform(post("/buerger/folgen/" + procedure.getId()).with(csrf()).with(CitizenScenario.as(citizen))
                .param("returnTo", "/oeffentlich/vorhaben"))
            .andExpect(redirectedUrl("/oeffentlich/vorhaben"));
    }

    @Test
    void unknownProceduresAndOtherMunicipalitiesAre404AndEndedOnesCannotBeFollowed() throws Exception {
        Citizen citizen = scenario.confirmed("grenzen");
        Procedure kaiserslautern = running();
        CitizenUser ofAnotherTown = new CitizenUser(citizen.getId(), citizen.getUsername(), "anderswo");

        mvc.perform(post("/buerger/folgen/999999999").with(csrf()).with(CitizenScenario.as(citizen)))
            .andExpect(status().isNotFound());
        mvc.perform(post("/buerger/folgen/abc").with(csrf()).with(CitizenScenario.as(citizen)))
            .andExpect(status().isNotFound());
        mvc.perform(post("/buerger/folgen/" + kaiserslautern.getId()).with(csrf())
                .with(CitizenScenario.as(ofAnotherTown)))
            .andExpect(status().isNotFound());

        Procedure cancelled = new SessionCycleScenario(context).plan(Instant.now().plus(Duration.ofDays(30)), "P4D");
        runtimeService.deleteProcessInstance(cancelled.getProcessInstanceId(), "abgesagt");
        assertThat(procedures.findById(cancelled.getId()).orElseThrow().getStatus())
            .isEqualTo(ProcedureStatus.COMPLETED);
        mvc.perform(post("/buerger/folgen/" + cancelled.getId()).with(csrf()).with(CitizenScenario.as(citizen)))
            .andExpect(redirectedUrl("/buerger/verfahren"))
            .andExpect(flash().attribute("flashError", "Dieses Verfahren ist beendet; es gibt keine Phasen mehr, "
                + "über die wir Sie informieren könnten."));
        assertThat(follows.findByCitizenIdAndProcedureId(citizen.getId(), cancelled.getId())).isEmpty();
    }

    @Test
    void followNeedsALoggedInCitizenAndCsrf() throws Exception {
        Procedure procedure = running();
        Citizen citizen = scenario.confirmed("csrf");

        mvc.perform(post("/buerger/folgen/" + procedure.getId()).with(csrf()))
            .andExpect(redirectedUrlPattern("**/buerger/anmelden"));
        mvc.perform(post("/buerger/folgen/" + procedure.getId()).with(csrf()).with(StaffLogin.as("officer")))
            .andExpect(status().isForbidden());
        mvc.perform(post("/buerger/folgen/" + procedure.getId()).with(CitizenScenario.as(citizen)))
            .andExpect(status().isForbidden());
        assertThat(follows.findByCitizenIdAndProcedureId(citizen.getId(), procedure.getId())).isEmpty();
    }

    @Test
    void unsubscribeLinkShowsWhatItStopsAndItsButtonStopsIt() throws Exception {
        Citizen citizen = scenario.confirmed("abbestellen");
        Procedure procedure = running();
        mvc.perform(post("/buerger/folgen/" + procedure.getId()).with(csrf()).with(CitizenScenario.as(citizen)));
        Follow follow = follows.findByCitizenIdAndProcedureId(citizen.getId(), procedure.getId()).orElseThrow();

        String page = mvc.perform(get("/buerger/abbestellen").param("token", follow.getUnsubscribeToken()))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).text()).contains("Keine E-Mails mehr zum Verfahren „" + procedure.getTitle());
        assertThat(Jsoup.parse(page).select("form[action=/buerger/abbestellen] input[name=token]").val())
            .isEqualTo(follow.getUnsubscribeToken());
        assertThat(follows.findById(follow.getId())).as("opening the link changes nothing").isPresent();

        String done = mvc.perform(post("/buerger/abbestellen").with(csrf()).param("token", follow.getUnsubscribeToken()))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(done).select(".flash").text()).contains("Abbestellt", procedure.getTitle());
        assertThat(follows.findById(follow.getId())).isEmpty();

        String again = mvc.perform(get("/buerger/abbestellen").param("token", follow.getUnsubscribeToken()))
            .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(again).text()).contains("gilt nicht (mehr)");
        mvc.perform(post("/buerger/abbestellen").with(csrf()).param("token", follow.getUnsubscribeToken()))
            .andExpect(status().isNotFound());
    }
}
