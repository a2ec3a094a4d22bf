package de.stadtdialog.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.citizen.ParticipationHistory.OwnContribution;
import de.stadtdialog.citizen.ProcedureDecisions.Decision;
import de.stadtdialog.citizen.internal.Citizen;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureService;

/**
 * "Meine Rückmeldungen": a citizen sees their own contributions grouped by procedure with outcome and decision,
 * never another citizen's; without login the page sends to the citizens' login.
 */
@StadtdialogSpringTest
class MyFeedbackPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ProcedureService procedures;
    @Autowired
    TestParticipationHistory history;

    CitizenScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new CitizenScenario(context);
    }

    @Test
    void showsOwnContributionsWithOutcomeAndDecision_andNothingOfOthers() throws Exception {
        Citizen anna = scenario.confirmed("rueckmeldung-anna");
        Citizen ben = scenario.confirmed("rueckmeldung-ben");
        Procedure guidelines = procedures.create(CitizenScenario.TENANT, "Leitlinien " + scenario.username("x"),
            "TEST", "FeedbackPageTestProcess");
        Procedure square = procedures.create(CitizenScenario.TENANT, "Theaterplatz " + scenario.username("x"),
            "TEST", "FeedbackPageTestProcess");
        history.register(anna.getId(), List.of(
            new OwnContribution(guidelines.getId(), "Ihr Kommentar zu „1. Ziele“: „<b>Kinder</b> beteiligen.“",
                "übernommen: Kapitel 1 nennt Kinder.", Instant.parse("2027-03-10T09:00:00Z"),
                "/oeffentlich/entwuerfe/1#kommentar-2"),
            new OwnContribution(square.getId(), "Ihre Stimme in der Abstimmung „Theaterplatz“",
                "Ihre Stimme wurde gezählt (3 Stimmen insgesamt).", Instant.parse("2027-03-12T09:00:00Z"), null)));
        history.register(ben.getId(), List.of(new OwnContribution(guidelines.getId(),
            "Ihr Kommentar zum Entwurf: „Bens Geheimnis“", "nicht übernommen.",
            Instant.parse("2027-03-11T09:00:00Z"), null)));
        history.decided(guidelines.getId(), new Decision("Der Stadtrat hat am 15.04.2027 über die Vorlage "
            + "BV/2027/0001 entschieden: mit Änderungen beschlossen.", "Änderungen: Kapitel 6.",
            "/oeffentlich/rat/vorlagen/1"));

        Document page = Jsoup.parse(mvc.perform(get("/buerger/rueckmeldungen").with(CitizenScenario.as(anna)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select(".user a[href='/buerger/rueckmeldungen']").eachText())
            .as("reachable from every page's header").containsExactly("Meine Rückmeldungen");
        assertThat(page.select("article.feedback-procedure h2").eachText())
            .as("newest contribution first").containsExactly(square.getTitle(), guidelines.getTitle());
        Element onGuidelines = page.getElementById("verfahren-" + guidelines.getId());
        assertThat(onGuidelines.text()).contains("Aktenzeichen " + guidelines.getBusinessKey(),
            "Ihr Kommentar zu „1. Ziele“: „<b>Kinder</b> beteiligen.“", "übernommen: Kapitel 1 nennt Kinder.",
            "10.03.2027, 10:00 Uhr", "mit Änderungen beschlossen", "Änderungen: Kapitel 6.");
        assertThat(onGuidelines.select("a[href='/oeffentlich/rat/vorlagen/1']")).hasSize(1);
        assertThat(onGuidelines.select("table caption").text()).contains(guidelines.getTitle());
        assertThat(page.getElementById("verfahren-" + square.getId()).text())
            .contains("Ihre Stimme wurde gezählt", "Ein Beschluss liegt noch nicht vor.");
        assertThat(page.html()).doesNotContain("Bens Geheimnis").doesNotContain("<b>Kinder</b>");

        Document bens = Jsoup.parse(mvc.perform(get("/buerger/rueckmeldungen").with(CitizenScenario.as(ben)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(bens.text()).contains("Bens Geheimnis").doesNotContain("Kinder", "Theaterplatz");
    }

    @Test
    void withoutContributions_saysSo() throws Exception {
        Citizen nobody = scenario.confirmed("rueckmeldung-niemand");
        String page = mvc.perform(get("/buerger/rueckmeldungen").with(CitizenScenario.as(nobody)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).text()).contains("Sie haben sich noch an keinem Verfahren beteiligt");
    }

    @Test
    void anonymous_isSentToTheCitizensLogin() throws Exception {
        mvc.perform(get("/buerger/rueckmeldungen")).andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrlPattern("**/buerger/anmelden"));
    }
}
