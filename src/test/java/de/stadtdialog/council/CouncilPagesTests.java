package de.stadtdialog.council;

import static de.stadtdialog.council.CouncilDecisionProcess.*;
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

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.StaffLogin;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;

/** The staff pages: starting a council decision, the tasks through our tasklist, the calendar (HTML and .ics). */
@StadtdialogSpringTest
class CouncilPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ProcedureRepository procedures;
    @Autowired
    MotionRepository motions;
    @Autowired
    TaskService taskService;

    private final String token = UUID.randomUUID().toString().substring(0, 8);
    private CouncilScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new CouncilScenario(context);
    }

    @Test
    void startPage_offersTheFormWithDefaults() throws Exception {
        String page = html(get("/rat/neu").with(StaffLogin.as("secretariat")));

        assertThat(page).contains("<h1>Ratsentscheidung vorbereiten</h1>",
            "<option value=\"kaiserslautern\" selected=\"selected\">Kaiserslautern</option>",
            "<label for=\"subject\">Betreff der Vorlage</label>", "id=\"noticePeriod\" name=\"noticePeriod\" value=\"P4D\"",
            "id=\"evaluationAfter\" name=\"evaluationAfter\" value=\"P2Y\"", "aria-describedby=\"subject-hint\"",
            "name=\"_csrf\"");
    }

    @Test
    void start_createsTheMotionAndShowsItOnTheProcedurePage() throws Exception {
        MvcResult result = mvc.perform(start("Radverkehrskonzept " + token, "", "P4D", "https://example.org/bericht"))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("flashMessage", org.hamcrest.Matchers.containsString("Radverkehrskonzept")))
            .andReturn();

        Procedure procedure = procedures.findAll().stream()
            .filter(p -> ("Ratsentscheidung: Radverkehrskonzept " + token).equals(p.getTitle())).findFirst().orElseThrow();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/verfahren/" + procedure.getBusinessKey());
        assertThat(procedure.getPhase()).isEqualTo("Beschlussvorlage verfassen");
        Motion motion = motions.findFirstByProcedureIdOrderByIdDesc(procedure.getId()).orElseThrow();
        assertThat(motion.getResultsReportUrl()).isEqualTo("https://example.org/bericht");

        String page = html(get("/verfahren/" + procedure.getBusinessKey()).with(StaffLogin.as("secretariat")));
        assertThat(page).contains("Beschlussvorlage", motion.getReference() + " – Radverkehrskonzept " + token,
            "in Bearbeitung", "/rat/kalender");
    }

    @Test
    void start_badInputIsShownNextToTheFields() throws Exception {
        String page = mvc.perform(start("", "2099-99999", "vier Tage", "javascript:alert(1)"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("class=\"error-summary\"", "href=\"#subject\"", "id=\"subject-error\"",
            "aria-invalid=\"true\"");

        page = mvc.perform(start("Etwas " + token, "2099-99999", "P4D", ""))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"participationProcedureKey-error\"", "Kein Verfahren mit dem Aktenzeichen");

        page = mvc.perform(start("Etwas " + token, "", "vier Tage", ""))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"noticePeriod-error\"", "keine Ladungsfrist im ISO-8601-Format");

        page = mvc.perform(start("Etwas " + token, "", "P4D", "javascript:alert(1)"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"resultsReportUrl-error\"", "mit https://");
        assertThat(procedures.findAll()).noneMatch(p -> p.getTitle().contains("Etwas " + token));
    }

    @Test
    void councilPages_needAStaffRoleOfTheCouncilWork() throws Exception {
        assertThat(mvc.perform(get("/rat/neu")).andReturn().getResponse().getStatus()).as("login required")
            .isIn(302, 401);
        mvc.perform(get("/rat/kalender").with(StaffLogin.as("designer"))).andExpect(status().isForbidden());
        mvc.perform(get("/rat/kalender").with(StaffLogin.as("officer"))).andExpect(status().isOk());
    }

    @Test
    void tasklist_schedulingInsideTheNoticePeriodIsRefusedNextToTheDate_thenTheCalendarShowsTheMeeting()
            throws Exception {
        Procedure procedure = scenario.start();
        scenario.submitted(procedure, null, null, "Stadtrat " + token);
        String taskId = scenario.task(procedure, TASK_SCHEDULE_CONSULTATION).getId();
        String form = html(get("/aufgaben/" + taskId).with(StaffLogin.as("secretariat")));
        assertThat(form).contains("Beratung terminieren", "1. Entscheidung: Stadtrat " + token + " (beschließend)",
            scenario.motion(procedure).getReference(), "type=\"datetime-local\"");

        String tooSoon = LocalDate.now(CouncilDates.ZONE).plusDays(2).atTime(18, 0).toString();
        String refused = mvc.perform(post("/aufgaben/" + taskId).with(StaffLogin.as("secretariat")).with(csrf())
                .param("meetingStart", tooSoon).param("location", "Rathaus"))
            .andExpect(status().isUnprocessableEntity()).andReturn().getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Zu kurzfristig: Die Einladung muss mindestens 4 volle Tage");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

        LocalDateTime meeting = LocalDate.now(CouncilDates.ZONE).plusDays(20).atTime(17, 0);
        mvc.perform(post("/aufgaben/" + taskId).with(StaffLogin.as("secretariat")).with(csrf())
                .param("meetingStart", meeting.toString()).param("location", "Rathaus; Saal 1, Erdgeschoss"))
            .andExpect(status().is3xxRedirection());

        String calendar = html(get("/rat/kalender").with(StaffLogin.as("secretariat")));
        assertThat(calendar).contains("Stadtrat " + token, CouncilDates.dateTime(CouncilDates.berlin(meeting)),
            scenario.motion(procedure).getReference(), scenario.subject(), "Entscheidung (beschließend)",
            "noch offen", "href=\"/verfahren/" + procedure.getBusinessKey() + "\"", "<caption>",
            "scope=\"col\"");
        String details = html(get("/verfahren/" + procedure.getBusinessKey()).with(StaffLogin.as("secretariat")));
        assertThat(details).contains("terminiert", "Entscheidung: Stadtrat " + token,
            CouncilDates.dateTime(CouncilDates.berlin(meeting)));

        MvcResult ics = mvc.perform(get("/rat/kalender.ics").with(StaffLogin.as("secretariat")))
            .andExpect(status().isOk()).andReturn();
        assertThat(ics.getResponse().getContentType()).startsWith("text/calendar");
        String text = ics.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n")
            .contains("SUMMARY:Stadtrat " + token + " – Sitzung\r\n", "LOCATION:Rathaus\\; Saal 1\\, Erdgeschoss\r\n");
        assertThat(text.split("\r\n")).allSatisfy(line ->
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    }

    private MockHttpServletRequestBuilder start(String subject, String participationKey, String noticePeriod,
            String reportUrl) {
        return post("/rat/neu").with(StaffLogin.as("secretariat")).with(csrf()).param("tenantId", "kaiserslautern")
            .param("subject", subject).param("participationProcedureKey", participationKey)
            .param("participationFormat", "Kommentierung").param("resultsReportUrl", reportUrl)
            .param("noticePeriod", noticePeriod).param("evaluationAfter", "P2Y");
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }
}
