package de.stadtdialog.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.citizen.internal.Citizen;
import de.stadtdialog.citizen.internal.CitizenRepository;
import de.stadtdialog.citizen.internal.CitizenStatus;
import de.stadtdialog.citizen.internal.CitizenTokenRepository;
import de.stadtdialog.citizen.internal.FollowRepository;
import de.stadtdialog.citizen.internal.Follows;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.procedure.ProcedureStatus;

/**
 * "Meine Daten": what is shown, what the JSON download holds, and what deleting the account wipes and keeps.
 */
@StadtdialogSpringTest
class MyDataPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    CitizenRepository citizens;
    @Autowired
    CitizenTokenRepository tokens;
    @Autowired
    FollowRepository followRows;
    @Autowired
    Follows follows;
    @Autowired
    ProcedureRepository procedures;
    @Autowired
    CitizenDirectory directory;
    @Autowired
    ObjectMapper json;

    CitizenScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new CitizenScenario(context);
    }

    private List<Procedure> runningProcedures(int count) {
        return procedures.findAll().stream()
            .filter(p -> p.getStatus() == ProcedureStatus.RUNNING && "kaiserslautern".equals(p.getTenantId()))
            .limit(count).toList();
    }

    @Test
    void pageShowsTheAccountAndTheFollowedProcedures() throws Exception {
        Citizen citizen = scenario.confirmed("daten");
        Procedure followed = runningProcedures(1).get(0);
        follows.follow(CitizenScenario.user(citizen), followed);

        String html = mvc.perform(get("/buerger/meine-daten").with(CitizenScenario.as(citizen)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        var page = Jsoup.parse(html);
        assertThat(page.select("dl.account dd").eachText()).containsExactly(citizen.getUsername(), "Erika",
            "Muster-daten", citizen.getEmail(), page.select("dl.account dd").get(4).text(),
            page.select("dl.account dd").get(5).text());
        assertThat(page.select("dl.account dd").get(4).text()).matches("\\d\\d\\.\\d\\d\\.\\d{4}, \\d\\d:\\d\\d Uhr");
        assertThat(page.select("#section-follows").text()).isEqualTo("Verfahren, denen Sie folgen");
        assertThat(page.select("#section-follows + ul li").text()).contains(followed.getTitle(),
            followed.getBusinessKey());
        assertThat(html).doesNotContain(citizen.getPasswordHash());
        assertThat(page.select("a[href=/buerger/meine-daten/download]")).hasSize(1);
        assertThat(page.select("a[href=/buerger/meine-daten/loeschen]")).hasSize(1);
    }

    @Test
    void downloadIsAJsonAttachmentWithEverythingOnThePage() throws Exception {
        Citizen citizen = scenario.confirmed("download");
        Procedure followed = runningProcedures(1).get(0);
        follows.follow(CitizenScenario.user(citizen), followed);

        MvcResult result = mvc.perform(get("/buerger/meine-daten/download").with(CitizenScenario.as(citizen)))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Disposition",
                "attachment; filename=\"stadtdialog-meine-daten.json\""))
            .andExpect(header().string("Cache-Control", "no-store"))
            .andReturn();

        assertThat(result.getResponse().getContentType()).startsWith("application/json");
        JsonNode data = json.readTree(result.getResponse().getContentAsByteArray());
        JsonNode account = data.get("account");
        assertThat(account.get("username").asText()).isEqualTo(citizen.getUsername());
        assertThat(account.get("firstName").asText()).isEqualTo("Erika");
        assertThat(account.get("lastName").asText()).isEqualTo("Muster-download");
        assertThat(account.get("email").asText()).isEqualTo(citizen.getEmail());
        assertThat(account.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(account.get("registeredAt").asText()).isEqualTo(citizen.getCreatedAt().toString());
        assertThat(account.get("confirmedAt").asText()).isEqualTo(citizen.getConfirmedAt().toString());
        assertThat(account.has("passwordHash")).isFalse();
        JsonNode section = data.get("sections").get(0);
        assertThat(section.get("key").asText()).isEqualTo("follows");
        assertThat(section.get("entries")).hasSize(1);
        assertThat(section.get("entries").get(0).get("Verfahren").asText()).isEqualTo(followed.getTitle());
        assertThat(section.get("entries").get(0).get("Aktenzeichen").asText()).isEqualTo(followed.getBusinessKey());
        assertThat(data.get("exportedAt").asText()).isNotBlank();
    }

    @Test
    void deletionAsksForThePasswordAndAWrongOneChangesNothing() throws Exception {
        Citizen citizen = scenario.confirmed("vorsicht");

        String page = mvc.perform(get("/buerger/meine-daten/loeschen").with(CitizenScenario.as(citizen)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select("label[for=password]").text()).isEqualTo("Zur Bestätigung: Ihr Passwort");
        assertThat(Jsoup.parse(page).text()).contains("gelöschte:r Nutzer:in", "nicht rückgängig");

        String wrong = mvc.perform(post("/buerger/meine-daten/loeschen").with(csrf()).with(scenario.fromHere())
                .with(CitizenScenario.as(citizen)).param("password", "falsches Passwort"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(wrong).select("#password-error").text()).isEqualTo(
            "Das Passwort stimmt nicht. Ihr Konto wurde nicht gelöscht.");
        assertThat(Jsoup.parse(wrong).select("#password").attr("aria-invalid")).isEqualTo("true");

        String empty = mvc.perform(post("/buerger/meine-daten/loeschen").with(csrf()).with(scenario.fromHere())
                .with(CitizenScenario.as(citizen)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(empty).select("#password-error").text()).isEqualTo("Bitte geben Sie Ihr Passwort ein.");
        assertThat(citizens.findById(citizen.getId()).orElseThrow().getStatus()).isEqualTo(CitizenStatus.CONFIRMED);
    }

    @Test
    void tooManyWrongPasswordsOnDeletionAnswer429() throws Exception {
        Citizen citizen = scenario.confirmed("ratend");
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/buerger/meine-daten/loeschen").with(csrf()).with(scenario.fromHere())
                    .with(CitizenScenario.as(citizen)).param("password", "falsch " + i))
                .andExpect(status().isOk());
        }

        mvc.perform(post("/buerger/meine-daten/loeschen").with(csrf()).with(scenario.fromHere())
                .with(CitizenScenario.as(citizen)).param("password", CitizenScenario.PASSWORD))
            .andExpect(status().isTooManyRequests());
        assertThat(citizens.findById(citizen.getId()).orElseThrow().getStatus()).isEqualTo(CitizenStatus.CONFIRMED);
    }

    @Test
    void deletionWipesThePersonFreesTheNameKeepsContributionsPseudonymisedAndEndsTheSession() throws Exception {
        Citizen citizen = scenario.confirmed("weg");
        List<Procedure> two = runningProcedures(2);
        two.forEach(p -> follows.follow(CitizenScenario.user(citizen), p));
        assertThat(directory.displayName(citizen.getId())).isEqualTo(citizen.getUsername());
        MvcResult login = mvc.perform(post("/buerger/anmelden").with(csrf()).with(scenario.fromHere())
            .param("username", citizen.getUsername()).param("password", CitizenScenario.PASSWORD)).andReturn();

        mvc.perform(post("/buerger/meine-daten/loeschen").with(csrf()).with(scenario.fromHere())
                .with(CitizenScenario.sessionOf(login)).param("password", CitizenScenario.PASSWORD))
            .andExpect(redirectedUrl("/buerger/konto-geloescht"));

        Citizen wiped = citizens.findById(citizen.getId()).orElseThrow();
        assertThat(wiped.getStatus()).isEqualTo(CitizenStatus.DELETED);
        assertThat(wiped.getDeletedAt()).isNotNull();
        assertThat(wiped.getFirstName()).isNull();
        assertThat(wiped.getLastName()).isNull();
        assertThat(wiped.getEmail()).isNull();
        assertThat(wiped.getPasswordHash()).isNull();
        assertThat(wiped.getUsername()).isNotEqualTo(citizen.getUsername()).startsWith("~");
        assertThat(directory.displayName(citizen.getId())).isEqualTo("gelöschte:r Nutzer:in");
        Citizen other = scenario.confirmed("bleibt");
        assertThat(directory.displayNames(List.of(citizen.getId(), other.getId(), Long.MAX_VALUE)))
            .containsOnly(entry(citizen.getId(), "gelöschte:r Nutzer:in"), entry(other.getId(), other.getUsername()),
                entry(Long.MAX_VALUE, "gelöschte:r Nutzer:in"));
        assertThat(followRows.findByCitizenIdOrderByCreatedAt(citizen.getId())).isEmpty();
        assertThat(tokens.findByCitizenIdAndPurpose(citizen.getId(),
            de.stadtdialog.citizen.internal.TokenPurpose.CONFIRMATION)).isEmpty();

        mvc.perform(get("/buerger/meine-daten").with(CitizenScenario.sessionOf(login)))
            .andExpect(redirectedUrlPattern("**/buerger/anmelden"));
        mvc.perform(post("/buerger/anmelden").with(csrf()).with(scenario.fromHere())
                .param("username", citizen.getUsername()).param("password", CitizenScenario.PASSWORD))
            .andExpect(status().isOk());
        String deletedPage = mvc.perform(get("/buerger/konto-geloescht")).andReturn().getResponse()
            .getContentAsString();
        assertThat(deletedPage).contains("Konto gelöscht", "gelöschte:r Nutzer:in");

        // the name and the address are free for someone new
        Citizen again = scenario.confirmed("weg");
        assertThat(again.getId()).isNotEqualTo(citizen.getId());
        assertThat(again.getUsername()).isEqualTo(citizen.getUsername());
    }

    @Test
    void unknownCitizenIdsAreShownAsDeletedToo() {
        assertThat(directory.displayName(null)).isEqualTo("gelöschte:r Nutzer:in");
        assertThat(directory.displayName(Long.MAX_VALUE)).isEqualTo("gelöschte:r Nutzer:in");
    }
}
