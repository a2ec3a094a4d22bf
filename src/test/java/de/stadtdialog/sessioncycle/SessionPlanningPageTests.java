package de.stadtdialog.sessioncycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.StaffLogin;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.procedure.ProcedureStatus;

/** "Sitzung planen" at /sitzungsreihen/neu: the form, its validation messages and the started procedure. */
@StadtdialogSpringTest
class SessionPlanningPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ProcedureRepository procedures;
    @Autowired
    PublicSessionRepository sessions;

    private final String token = "Plan" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void offersTheFormWithTheOnlyMunicipalityPreselectedAndTheDefaultNoticePeriod() throws Exception {
        String page = mvc.perform(get("/sitzungsreihen/neu").with(StaffLogin.as("officer")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("<h1>Sitzung planen</h1>", "<label for=\"tenantId\"",
            "<option value=\"kaiserslautern\" selected=\"selected\">Kaiserslautern</option>",
            "<label for=\"body\">Gremium</label>", "<label for=\"title\">Titel der Sitzung</label>",
            "<input type=\"datetime-local\"", "id=\"startsAt\" name=\"startsAt\"", "<label for=\"location\">Ort</label>",
            "id=\"noticePeriod\" name=\"noticePeriod\" value=\"P4D\"", "Volle Tage zwischen Versand und Sitzung",
            "<textarea", "id=\"recipients\"", "Eine E-Mail-Adresse pro Zeile.",
            "name=\"_csrf\"");
        assertThat(page).doesNotContain("Bitte wählen</option>");
    }

    @Test
    void startsTheSessionCycleAndRedirectsToTheNewProcedure() throws Exception {
        LocalDateTime startsAt = LocalDate.now(NoticePeriod.ZONE).plusDays(30).atTime(18, 30);

        MvcResult result = mvc.perform(form("officer", startsAt.toString().substring(0, 16), "P4D",
                "ak-" + token + "@example.org\nbeirat-" + token + "@example.org"))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("flashMessage", org.hamcrest.Matchers.containsString(
                "Sitzung „Beteiligungsbeirat – " + token + "“ geplant")))
            .andReturn();

        Procedure procedure = procedures.findAll().stream()
            .filter(p -> ("Beteiligungsbeirat – " + token).equals(p.getTitle())).findFirst().orElseThrow();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/verfahren/" + procedure.getBusinessKey());
        assertThat(procedure.getStatus()).isEqualTo(ProcedureStatus.RUNNING);
        assertThat(procedure.getPhase()).isEqualTo("Tagesordnung entwerfen");
        assertThat(procedure.getTenantId()).isEqualTo("kaiserslautern");
        PublicSession session = sessions.findByProcedureIdOrderByStartsAt(procedure.getId()).get(0);
        assertThat(session.getStartsAt()).as("the entered time is Berlin time")
            .isEqualTo(startsAt.atZone(NoticePeriod.ZONE).toInstant());
        assertThat(session.getBody()).isEqualTo("Beteiligungsbeirat");
        assertThat(session.getLocation()).isEqualTo("Rathaus Nord");
        assertThat(session.getRecipients()).isEqualTo("ak-" + token + "@example.org\nbeirat-" + token
            + "@example.org");

        mvc.perform(get(result.getResponse().getRedirectedUrl()).with(StaffLogin.as("officer")))
            .andExpect(status().isOk());
    }

    @Test
    void showsFieldMessagesNextToTheFieldsAndKeepsTheValues() throws Exception {
        String page = mvc.perform(post("/sitzungsreihen/neu").with(StaffLogin.as("coordination")).with(csrf())
                .param("tenantId", "kaiserslautern").param("body", "Beirat " + token).param("title", " ")
                .param("startsAt", "").param("location", "Ort " + token).param("noticePeriod", "P4D")
                .param("recipients", ""))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("class=\"error-summary\" role=\"alert\"",
            "<p class=\"field-error\" id=\"title-error\">Bitte geben Sie einen Titel für die Sitzung an.</p>",
            "<p class=\"field-error\" id=\"startsAt-error\">Bitte geben Sie Datum und Uhrzeit der Sitzung an.</p>",
            "<p class=\"field-error\" id=\"recipients-error\">Bitte geben Sie mindestens eine E-Mail-Adresse an.</p>",
            "aria-invalid=\"true\" aria-describedby=\"title-hint title-error\"", "href=\"#title\"");
        assertThat(page).as("entered values stay").contains("value=\"Beirat " + token + "\"",
            "value=\"Ort " + token + "\"");
        assertThat(page).doesNotContain("id=\"body-error\"");
        assertThat(procedures.findAll()).noneMatch(p -> p.getTitle().contains(token));
    }

    @Test
    void showsTheServicesRuleViolationsNextToTheirFields() throws Exception {
        String tomorrow = LocalDate.now(NoticePeriod.ZONE).plusDays(1).atTime(18, 0).toString().substring(0, 16);
        String tooShort = mvc.perform(form("officer", tomorrow, "P4D", "ak-" + token + "@example.org"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(tooShort).contains("<p class=\"field-error\" id=\"startsAt-error\">Zu kurzfristig: Bei 4 vollen "
            + "Tagen Ladungsfrist", "value=\"" + tomorrow + "\"");

        String in30Days = LocalDate.now(NoticePeriod.ZONE).plusDays(30).atTime(18, 0).toString().substring(0, 16);
        String badAddress = mvc.perform(form("officer", in30Days, "P4D", "ak-" + token + "@example.org\nkeine-adresse"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(badAddress).contains("<p class=\"field-error\" id=\"recipients-error\">Keine gültige "
            + "E-Mail-Adresse: keine-adresse</p>", "keine-adresse</textarea>");

        String badPeriod = mvc.perform(form("officer", in30Days, "4 Tage", "ak-" + token + "@example.org"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(badPeriod).contains("id=\"noticePeriod-error\">„4 Tage“ ist keine Ladungsfrist");

        String badDate = mvc.perform(form("officer", "morgen abend", "P4D", "ak-" + token + "@example.org"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(badDate).contains("id=\"startsAt-error\">Bitte geben Sie Datum und Uhrzeit im Format",
            "value=\"morgen abend\"");
        assertThat(procedures.findAll()).noneMatch(p -> p.getTitle().contains(token));
    }

    @Test
    void refusesAMunicipalityTheUserDoesNotBelongTo() throws Exception {
        String in30Days = LocalDate.now(NoticePeriod.ZONE).plusDays(30).atTime(18, 0).toString().substring(0, 16);
        String page = mvc.perform(post("/sitzungsreihen/neu").with(StaffLogin.as("officer")).with(csrf())
                .param("tenantId", "nachbarstadt").param("body", "Beirat").param("title", "Beirat " + token)
                .param("startsAt", in30Days).param("noticePeriod", "P4D")
                .param("recipients", "ak-" + token + "@example.org"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"tenantId-error\">Für diesen Mandanten dürfen Sie keine Sitzungen planen.");
        assertThat(procedures.findAll()).noneMatch(p -> p.getTitle().contains(token));
    }

    @Test
    void isForOfficersAndCoordinationOnlyAndNeedsTheCsrfToken() throws Exception {
        mvc.perform(get("/sitzungsreihen/neu").with(StaffLogin.as("secretariat"))).andExpect(status().isForbidden());
        mvc.perform(get("/sitzungsreihen/neu").with(StaffLogin.as("coordination"))).andExpect(status().isOk());
        mvc.perform(post("/sitzungsreihen/neu").with(StaffLogin.as("officer")).param("title", "x"))
            .andExpect(status().isForbidden());
    }

    private MockHttpServletRequestBuilder form(String user, String startsAt, String noticePeriod, String recipients) {
        return post("/sitzungsreihen/neu").with(StaffLogin.as(user)).with(csrf())
            .param("tenantId", "kaiserslautern").param("body", "Beteiligungsbeirat")
            .param("title", "Beteiligungsbeirat – " + token).param("startsAt", startsAt)
            .param("location", "Rathaus Nord").param("noticePeriod", noticePeriod).param("recipients", recipients);
    }
}
