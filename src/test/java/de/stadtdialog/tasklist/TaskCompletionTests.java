package de.stadtdialog.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.StaffLogin;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.sessioncycle.SessionCycleProcess;
import de.stadtdialog.sessioncycle.PublicSessionRepository;
import de.stadtdialog.sessioncycle.SessionCycleService;

/** The task page with the session-cycle forms: showing, checking and completing them as an officer. */
@StadtdialogSpringTest
@Tag("database")
class TaskCompletionTests {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @Autowired
    MockMvc mvc;
    @Autowired
    SessionCycleService sessionCycle;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    ProcedureRepository procedures;
    @Autowired
    PublicSessionRepository sessions;
    @Autowired
    Clock clock;

    TasklistTestData data;

    @BeforeEach
    void setUp() {
        data = new TasklistTestData(sessionCycle, repositoryService, runtimeService, taskService, clock);
    }

    @Test
    void taskPageShowsTheProcedureAndEveryFieldOfTheDraftAgendaForm() throws Exception {
        Procedure procedure = data.planSession(TasklistTestData.unique("Tagesordnung"));
        Task task = data.draftAgenda(procedure);

        String html = mvc.perform(get("/aufgaben/" + task.getId()).with(StaffLogin.as("officer")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<a href=\"/verfahren/" + procedure.getBusinessKey() + "\">" + procedure.getTitle()
            + "</a>");
        assertThat(html).contains("<h1>Tagesordnung entwerfen</h1>", procedure.getTitle(),
            procedure.getBusinessKey(), "Entwerfen Sie die Tagesordnung der öffentlichen Sitzung.");
        // a select with its options, a text field prefilled from the task variables, a textarea
        assertThat(Html.textOf(html, "field-Field_SessionFormat")).isEqualTo(
            "Bitte wählen Präsenzsitzung Online-Sitzung Hybride Sitzung");
        assertThat(Html.byId(html, "field-Field_SessionFormat").attributes()).containsEntry("name", "sessionFormat")
            .containsKey("required");
        assertThat(html).contains("<label for=\"field-Field_SessionFormat\">Sitzungsform");

        Html.Tag location = Html.byId(html, "field-Field_Location");
        assertThat(location.attributes()).containsEntry("name", "location").containsEntry("value", "Rathaus, Raum 1")
            .containsEntry("minlength", "3").containsEntry("maxlength", "200").containsKey("required")
            .containsEntry("aria-describedby", "field-Field_Location-hint").doesNotContainKey("aria-invalid");
        assertThat(html).contains("<label for=\"field-Field_Location\">Ort oder Link zum Online-Raum");
        assertThat(Html.textOf(html, "field-Field_Location-hint"))
            .isEqualTo("z. B. Rathaus, Großer Ratssaal, Willy-Brandt-Platz 1");

        Html.Tag agenda = Html.byId(html, "field-Field_Agenda");
        assertThat(agenda.name()).isEqualTo("textarea");
        assertThat(agenda.attributes()).containsEntry("name", "agenda").containsEntry("minlength", "10")
            .containsEntry("maxlength", "5000").containsKey("required");
        assertThat(html).contains("<label for=\"field-Field_Agenda\">Tagesordnung");
        assertThat(html).contains("Übernehmen und abschließen");
    }

    @Test
    void invalidInputIsShownNextToTheFieldsKeepsEveryValueAndDoesNotCompleteTheTask() throws Exception {
        Procedure procedure = data.planSession(TasklistTestData.unique("Ungültig"));
        Task task = data.draftAgenda(procedure);

        String html = mvc.perform(post("/aufgaben/" + task.getId()).with(StaffLogin.as("officer")).with(csrf())
                .param("sessionFormat", "hybrid").param("location", "ab").param("agenda", ""))
            .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"error-summary\"", "Bitte korrigieren Sie Ihre Eingaben",
            "href=\"#field-Field_Location\"", "href=\"#field-Field_Agenda\"",
            "document.getElementById('error-summary').focus()");
        assertThat(Html.textOf(html, "field-Field_Location-error"))
            .isEqualTo("Bitte geben Sie mindestens 3 Zeichen ein (jetzt: 2).");
        assertThat(Html.byId(html, "field-Field_Location").attributes()).containsEntry("value", "ab")
            .containsEntry("aria-invalid", "true")
            .containsEntry("aria-describedby", "field-Field_Location-hint field-Field_Location-error");
        assertThat(Html.textOf(html, "field-Field_Agenda-error")).isEqualTo("Bitte füllen Sie dieses Feld aus.");
        assertThat(Html.byId(html, "field-Field_Agenda").attributes()).containsEntry("aria-invalid", "true");
        assertThat(Html.tags(html, "option")).filteredOn(option -> option.has("selected"))
            .extracting(option -> option.attr("value")).containsExactly("hybrid");
        Task still = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(still).isNotNull();
        assertThat(still.getAssignee()).isNull();
    }

    @Test
    void validInputCompletesTheTaskAsTheOfficerAndTheProcedureMovesOn() throws Exception {
        Procedure procedure = data.planSession(TasklistTestData.unique("Abschluss"));
        Task task = data.draftAgenda(procedure);

        mvc.perform(post("/aufgaben/" + task.getId()).with(StaffLogin.as("officer")).with(csrf())
                .param("sessionFormat", "online").param("location", "https://video.example.org/ak")
                .param("agenda", "TOP 1: Begrüßung\r\nTOP 2: Leitlinien"))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/aufgaben"))
            .andExpect(flash().attribute("flashMessage",
                "Erledigt: „Tagesordnung entwerfen“ im Verfahren " + procedure.getBusinessKey() + "."));

        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
        assertThat(procedures.findById(procedure.getId()).orElseThrow().getPhase())
            .isEqualTo("Einladung versenden und bekannt machen");
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult()
            .getAssignee()).isEqualTo("officer");
        List<UserOperationLogEntry> log = historyService.createUserOperationLogQuery().taskId(task.getId()).list();
        assertThat(log).extracting(UserOperationLogEntry::getOperationType)
            .contains(UserOperationLogEntry.OPERATION_TYPE_CLAIM, UserOperationLogEntry.OPERATION_TYPE_COMPLETE);
        assertThat(log).extracting(UserOperationLogEntry::getUserId).containsOnly("officer");
    }

    @Test
    void completingATaskSomeoneElseCompletedSaysWhoDidIt() throws Exception {
        Procedure procedure = data.planSession(TasklistTestData.unique("Schon erledigt"));
        Task task = data.draftAgenda(procedure);
        taskService.claim(task.getId(), "coordination");
        formService.submitTaskForm(task.getId(), Map.of("sessionFormat", "in-person", "location", "Rathaus",
            "agenda", "TOP 1: Begrüßung"));

        mvc.perform(post("/aufgaben/" + task.getId()).with(StaffLogin.as("officer")).with(csrf())
                .param("sessionFormat", "online").param("location", "Rathaus").param("agenda", "TOP 1: Begrüßung"))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/aufgaben"))
            .andExpect(flash().attribute("flashError", org.hamcrest.Matchers.startsWith(
                "Diese Aufgabe wurde inzwischen von Jonas Weber erledigt (")));
    }

    @Test
    void fourEyesRuleOfTheApprovalListenerIsShownNextToTheDecision() throws Exception {
        Procedure procedure = data.planSession(TasklistTestData.unique("Vier Augen"));
        completeAsEngine(data.draftAgenda(procedure), "officer", Map.of("sessionFormat", "in-person",
            "location", "Rathaus", "agenda", "TOP 1: Begrüßung"));
        executeJob(procedure, SessionCycleProcess.TASK_SEND_INVITATION);
        executeJob(procedure, SessionCycleProcess.TIMER_SESSION_BEGINS);
        Task record = data.task(procedure, SessionCycleProcess.TASK_RECORD_SESSION);

        // the officer records the minutes through the tasklist (number and checkbox converted for the listener)
        MvcResult recorded = mvc.perform(post("/aufgaben/" + record.getId()).with(StaffLogin.as("officer"))
                .with(csrf()).param("attendeeCount", "7").param("quorate", "true")
                .param("attendance", "Frau A, Herr B").param("minutes", "TOP 1: Begrüßung durch die Vorsitzende."))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("nextTaskName", "Protokoll prüfen und genehmigen"))
            .andReturn();
        Task approve = data.task(procedure, SessionCycleProcess.TASK_APPROVE_MINUTES);
        assertThat(approve).isNotNull();
        // the list the browser is sent to offers the procedure's next task (flash attributes live in the session)
        String list = mvc.perform(get("/aufgaben").cookie(recorded.getResponse().getCookies())
                .with(StaffLogin.as("officer")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Erledigt: „Anwesenheit und Protokoll erfassen“ im Verfahren "
            + procedure.getBusinessKey() + ".", "Nächste Aufgabe in diesem Verfahren:",
            "<a href=\"/aufgaben/" + approve.getId() + "\">Protokoll prüfen und genehmigen</a>");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(
            procedure.getProcessInstanceId()).variableName("attendeeCount").singleResult().getValue()).isEqualTo(7L);

        String html = mvc.perform(post("/aufgaben/" + approve.getId()).with(StaffLogin.as("officer")).with(csrf())
                .param("minutesDecision", "approve").param("reviewComment", "Passt."))
            .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();

        assertThat(Html.textOf(html, "field-Field_MinutesDecision-error")).isEqualTo("Vier-Augen-Prinzip: Das "
            + "Protokoll muss von einer anderen Person genehmigt werden als von officer, die es erstellt hat.");
        assertThat(Html.byId(html, "field-Field_MinutesDecision-0").attributes()).containsEntry("value", "approve")
            .containsKey("checked").containsEntry("aria-invalid", "true");
        assertThat(Html.textOf(html, "field-Field_ReviewCommentInput")).isEqualTo("Passt.");
        // the minutes the officer wrote are shown read-only
        assertThat(Html.textOf(html, "field-Field_MinutesReadonly")).isEqualTo("TOP 1: Begrüßung durch die Vorsitzende.");
        assertThat(Html.byId(html, "field-Field_MinutesReadonly").attributes()).containsKey("readonly");
        Task still = taskService.createTaskQuery().taskId(approve.getId()).singleResult();
        assertThat(still).isNotNull();
        assertThat(still.getAssignee()).as("the claim is undone with the rejected completion").isNull();

        mvc.perform(post("/aufgaben/" + approve.getId()).with(StaffLogin.as("coordination")).with(csrf())
                .param("minutesDecision", "approve"))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/aufgaben"));
        assertThat(procedures.findById(procedure.getId()).orElseThrow().getPhase())
            .isEqualTo("Protokoll veröffentlichen");
    }

    @Test
    void aDateTimeFieldIsSubmittedAsLocalTimeTheListenerUnderstands() throws Exception {
        Procedure procedure = data.planSession(TasklistTestData.unique("Verlegen"));
        executeJob(procedure, SessionCycleProcess.TIMER_INVITATION_DEADLINE);
        Task reschedule = data.task(procedure, SessionCycleProcess.TASK_RESCHEDULE_SESSION);

        String html = mvc.perform(get("/aufgaben/" + reschedule.getId()).with(StaffLogin.as("officer")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Html.byId(html, "field-Field_SessionStart").attributes())
            .containsEntry("type", "datetime-local").containsEntry("name", "sessionStart").containsKey("required");
        assertThat(html).contains("<label for=\"field-Field_SessionStart\">Neues Sitzungsdatum, Beginn");

        LocalDateTime newStart = LocalDate.now(clock.withZone(ZONE)).plusDays(40).atTime(18, 0);
        mvc.perform(post("/aufgaben/" + reschedule.getId()).with(StaffLogin.as("officer")).with(csrf())
                .param("sessionStart", newStart.toString()).param("rescheduleReason", "Ratssaal belegt"))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/aufgaben"))
            .andExpect(flash().attribute("nextTaskName", "Tagesordnung entwerfen"));

        assertThat(sessions.findByProcedureIdOrderByStartsAt(procedure.getId()).get(0).getStartsAt())
            .isEqualTo(newStart.atZone(ZONE).toInstant());
        assertThat(procedures.findById(procedure.getId()).orElseThrow().getPhase()).isEqualTo("Tagesordnung entwerfen");
    }

    private void completeAsEngine(Task task, String user, Map<String, Object> variables) {
        taskService.claim(task.getId(), user);
        formService.submitTaskForm(task.getId(), variables);
    }

    private void executeJob(Procedure procedure, String activityId) {
        managementService.executeJob(managementService.createJobQuery()
            .processInstanceId(procedure.getProcessInstanceId()).activityId(activityId).singleResult().getId());
    }
}
