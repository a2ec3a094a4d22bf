package de.stadtdialog.commenting;

import static de.stadtdialog.commenting.CommentingScenario.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.StaffLogin;
import de.stadtdialog.citizen.CitizenScenario;
import de.stadtdialog.citizen.CitizenUser;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;

/** Staff pages: new procedure, extension, evaluation, workshop input, report (HTML, CSV), versions, council. */
@StadtdialogSpringTest
class CommentingStaffPagesTests {

    private static final Instant NOW = berlin("2027-09-01T09:00");
    private static final Instant OPENS = berlin("2027-09-02T09:00");
    private static final Instant CLOSES = berlin("2027-09-23T09:00");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    CommentingService commenting;
    @Autowired
    ProcedureRepository procedures;

    private CommentingScenario scenario;
    private CitizenScenario citizens;

    @BeforeEach
    void prepare() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        scenario = new CommentingScenario(context);
        citizens = new CitizenScenario(context);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void newCommenting_createsTheProcedureWithImportedText_andStartsTheProcess() throws Exception {
        String title = scenario.title() + " neu";
        mvc.perform(post("/kommentierung/neu").with(csrf()).with(StaffLogin.as("officer"))
                .param("tenantId", "kaiserslautern").param("title", title).param("markdown", CommentingScenario.MARKDOWN))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/kommentierung/*"));

        Procedure procedure = procedures.findAll().stream().filter(p -> title.equals(p.getTitle())).findFirst().orElseThrow();
        assertThat(procedure.getTemplateKey()).isEqualTo(CommentingPhaseProcess.TEMPLATE_KEY);
        assertThat(scenario.paragraphs(procedure)).hasSize(3);
        BpmnAwareTests.assertThat(scenario.instance(procedure)).isWaitingAtExactly(CommentingPhaseProcess.TASK_SET_UP_DRAFT);
        assertThat(staffPage("/verfahren/" + procedure.getBusinessKey()))
            .contains("/kommentierung/" + scenario.draft(procedure).getId(), "0 von 0 Kommentaren ausgewertet");

        String empty = mvc.perform(post("/kommentierung/neu").with(csrf()).with(StaffLogin.as("officer"))
                .param("tenantId", "kaiserslautern").param("title", " "))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("Bitte geben Sie den Titel des Entwurfs an.");
    }

    @Test
    void onlyOfficersAndCoordination_andOnlyOwnMunicipality() throws Exception {
        Procedure procedure = scenario.start();
        Long draftId = scenario.draft(procedure).getId();
        mvc.perform(get("/kommentierung/" + draftId).with(StaffLogin.as("secretariat"))).andExpect(status().isForbidden());
        mvc.perform(get("/kommentierung/" + draftId).with(StaffLogin.as("officer", List.of("officer"), List.of("anderswo"))))
            .andExpect(status().isNotFound());
        mvc.perform(get("/kommentierung/" + draftId).with(StaffLogin.as("coordination"))).andExpect(status().isOk());
    }

    @Test
    void extension_onTheStaffPage_isShownPublicly() throws Exception {
        Procedure procedure = scenario.openForComment(OPENS, "P21D");
        Long draftId = scenario.draft(procedure).getId();

        mvc.perform(post("/kommentierung/" + draftId + "/verlaengern").with(csrf()).with(StaffLogin.as("officer"))
                .param("newEnd", "2027-09-30T18:00").param("reason", "Viele Nachfragen aus den Ortsbeiräten"))
            .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flashMessage"));

        assertThat(scenario.draft(procedure).getClosesAt()).isEqualTo(berlin("2027-09-30T18:00"));
        String page = mvc.perform(get("/oeffentlich/entwuerfe/" + draftId)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Frist verlängert: vom 23.09.2027, 09:00 Uhr auf den 30.09.2027, 18:00 Uhr. Grund: "
            + "Viele Nachfragen aus den Ortsbeiräten", "Kommentieren Sie bis 30.09.2027, 18:00 Uhr");

        mvc.perform(post("/kommentierung/" + draftId + "/verlaengern").with(csrf()).with(StaffLogin.as("officer"))
                .param("newEnd", "2027-09-25T18:00").param("reason", "früher"))
            .andExpect(flash().attribute("flashError", org.hamcrest.Matchers.containsString("nach dem bisherigen Ende")));
    }

    @Test
    void workshopInput_isPublicAtOnce_withItsSourceAndWithoutName() throws Exception {
        Procedure procedure = scenario.openForComment(OPENS, "P21D");
        Long draftId = scenario.draft(procedure).getId();
        Long paragraphId = scenario.paragraphs(procedure).get(2).getId();

        mvc.perform(post("/kommentierung/" + draftId + "/werkstatt").with(csrf()).with(StaffLogin.as("officer"))
                .param("source", "Werkstatt Stadtteilbüro Nord, 05.09.2027").param("paragraphId", paragraphId.toString())
                .param("text", "Die Vorhabenliste soll auch ausgedruckt ausliegen."))
            .andExpect(status().is3xxRedirection());
        String error = mvc.perform(post("/kommentierung/" + draftId + "/werkstatt").with(csrf())
                .with(StaffLogin.as("officer")).param("source", "").param("text", "ohne Herkunft"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(error).contains("Bitte geben Sie an, woher der Beitrag stammt");

        String page = mvc.perform(get("/oeffentlich/entwuerfe/" + draftId)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Beitrag aus: Werkstatt Stadtteilbüro Nord, 05.09.2027",
            "Die Vorhabenliste soll auch ausgedruckt ausliegen.").doesNotContain("Petra Schneider");
    }

    @Test
    void evaluationPage_groupsByParagraph_recordsDispositions_reportAndCsvWithoutNames() throws Exception {
        Procedure procedure = scenario.openForComment(OPENS, "P21D");
        Draft draft = scenario.draft(procedure);
        CitizenUser frieda = CitizenScenario.user(citizens.confirmed("frieda"));
        Comment first = commenting.submit(frieda, draft.getId(), scenario.paragraphs(procedure).get(0).getId(), null,
            "=HYPERLINK(\"http://evil\") früher beteiligen");
        scenario.approve(first);
        Comment second = commenting.submit(frieda, draft.getId(), null, null, "Insgesamt gut; \"klar\" formuliert.");
        scenario.approve(second);

        mvc.perform(post("/kommentierung/" + draft.getId() + "/auswertung/" + first.getId()).with(csrf())
                .with(StaffLogin.as("officer")).param("disposition", "ADOPTED").param("reason", "steht jetzt drin"))
            .andExpect(flash().attribute("flashError", org.hamcrest.Matchers.containsString("erst nach dem Ende")));

        scenario.close(procedure, CLOSES);
        String evaluation = staffPage("/kommentierung/" + draft.getId() + "/auswertung");
        assertThat(evaluation).contains("0 von 2 Kommentaren ausgewertet", "Absatz 1 – 1. Ziele", "Ganzer Entwurf",
            "id=\"kommentar-" + first.getId() + "\"");
        assertThat(evaluation.indexOf("früher beteiligen")).isLessThan(evaluation.indexOf("Insgesamt gut"));

        mvc.perform(post("/kommentierung/" + draft.getId() + "/auswertung/" + first.getId()).with(csrf())
                .with(StaffLogin.as("officer")).param("disposition", "ADOPTED").param("reason", ""))
            .andExpect(flash().attribute("flashError", org.hamcrest.Matchers.containsString("Bitte begründen")));
        mvc.perform(post("/kommentierung/" + draft.getId() + "/auswertung/" + first.getId()).with(csrf())
                .with(StaffLogin.as("officer")).param("disposition", "ADOPTED").param("reason", "Steht jetzt in 1."))
            .andExpect(redirectedUrl("/kommentierung/" + draft.getId() + "/auswertung#kommentar-" + first.getId()))
            .andExpect(flash().attribute("flashMessage", org.hamcrest.Matchers.containsString("1 von 2 Kommentaren")));
        mvc.perform(post("/kommentierung/" + draft.getId() + "/auswertung/" + second.getId()).with(csrf())
                .with(StaffLogin.as("officer")).param("disposition", "NOT_RELEVANT").param("reason", "Lob"));

        String publicPage = mvc.perform(get("/oeffentlich/entwuerfe/" + draft.getId())).andReturn().getResponse()
            .getContentAsString();
        assertThat(publicPage).contains("Ergebnis: übernommen –", "Steht jetzt in 1.", "Ergebnis: nicht relevant –");

        String report = staffPage("/kommentierung/" + draft.getId() + "/bericht");
        assertThat(report).contains("Ergebnisbericht", "2 von 2 Kommentaren ausgewertet", "Steht jetzt in 1.", "<caption")
            .doesNotContain(frieda.username());
        String csv = new String(mvc.perform(get("/kommentierung/" + draft.getId() + "/bericht.csv")
                .with(StaffLogin.as("officer"))).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"Kommentar\";\"Bezug\"")
            .contains("\"'=HYPERLINK(\"\"http://evil\"\") früher beteiligen\"", "\"übernommen\";\"Steht jetzt in 1.\"",
                "\"Insgesamt gut; \"\"klar\"\" formuliert.\"")
            .doesNotContain(frieda.username(), "Erika");
    }

    @Test
    void versionsPage_showsParagraphDifferences_andCouncilDecisionMovesTheProcessOn() throws Exception {
        Procedure procedure = scenario.openForComment(OPENS, "P21D");
        Draft draft = scenario.draft(procedure);
        scenario.close(procedure, CLOSES);
        scenario.submit(procedure, CommentingPhaseProcess.TASK_EVALUATE_COMMENTS, "officer", java.util.Map.of());
        scenario.submit(procedure, CommentingPhaseProcess.TASK_REVISE_DRAFT, "officer", java.util.Map.of("draftMarkdown",
            CommentingScenario.MARKDOWN.replace("Beteiligung ist ergebnisoffen.", "Beteiligung ist <em>ergebnisoffen</em>.")));

        String versions = staffPage("/kommentierung/" + draft.getId() + "/fassungen");
        assertThat(versions).contains("Entfällt:", "Beteiligung ist ergebnisoffen.", "Neu:",
            "Beteiligung ist &lt;em&gt;ergebnisoffen&lt;/em&gt;.");

        scenario.executeJob(procedure, CommentingPhaseProcess.TASK_PUBLISH_RESULTS_REPORT);
        assertThat(staffPage("/kommentierung/" + draft.getId())).contains("Ratsbeschluss eintragen");
        mvc.perform(post("/kommentierung/" + draft.getId() + "/ratsbeschluss").with(csrf()).with(StaffLogin.as("officer"))
                .param("decision", "Beschlossen am 12.10.2027."))
            .andExpect(flash().attributeExists("flashMessage"));
        BpmnAwareTests.assertThat(scenario.instance(procedure)).isWaitingAtExactly(CommentingPhaseProcess.TASK_SEND_FEEDBACK);
        mvc.perform(post("/kommentierung/" + draft.getId() + "/ratsbeschluss").with(csrf()).with(StaffLogin.as("officer"))
                .param("decision", "noch einmal"))
            .andExpect(flash().attribute("flashError", org.hamcrest.Matchers.containsString("bereits")));
    }

    @Test
    void moderatingAnAlreadyModeratedComment_inTheTasklist_getsAFriendlyMessage() throws Exception {
        Procedure procedure = scenario.openForComment(OPENS, "P21D");
        CitizenUser hanna = CitizenScenario.user(citizens.confirmed("hanna"));
        Comment comment = commenting.submit(hanna, scenario.draft(procedure).getId(), null, null, "Zweimal prüfen?");
        String taskId = scenario.moderationTask(comment).getId();

        mvc.perform(post("/aufgaben/" + taskId).with(csrf()).with(StaffLogin.as("officer"))
                .param("moderationDecision", "approve"))
            .andExpect(status().is3xxRedirection());
        assertThat(scenario.comment(comment.getId()).getStatus()).isEqualTo(CommentStatus.APPROVED);

        mvc.perform(post("/aufgaben/" + taskId).with(csrf()).with(StaffLogin.as("officer"))
                .param("moderationDecision", "reject").param("rejectionReason", "OFF_TOPIC"))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("flashError", org.hamcrest.Matchers.containsString("bereits erledigt")));
        assertThat(scenario.comment(comment.getId()).getStatus()).isEqualTo(CommentStatus.APPROVED);
    }

    private String staffPage(String path) throws Exception {
        return mvc.perform(get(path).with(StaffLogin.as("officer"))).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString();
    }
}
