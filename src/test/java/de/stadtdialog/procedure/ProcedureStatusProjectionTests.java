package de.stadtdialog.procedure;

import static de.stadtdialog.sessioncycle.SessionCycleProcess.*;
import static de.stadtdialog.sessioncycle.SessionCycleScenario.TENANT;
import static de.stadtdialog.sessioncycle.SessionCycleScenario.agenda;
import static de.stadtdialog.sessioncycle.SessionCycleScenario.berlin;
import static de.stadtdialog.sessioncycle.SessionCycleScenario.decision;
import static de.stadtdialog.sessioncycle.SessionCycleScenario.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import de.stadtdialog.StadtdialogSpringTest;
import de.stadtdialog.TestMailGateway;
import de.stadtdialog.sessioncycle.SessionCycleScenario;
import de.stadtdialog.sessioncycle.SessionCycleService;
import de.stadtdialog.sessioncycle.SessionCycleService.PlanSession;

/**
 * The procedure read model (phase, next deadline, open tasks, overdue) follows the process in the same
 * transaction as each step, and procedures get well-formed business keys for known municipalities only.
 */
@StadtdialogSpringTest
@Tag("database")
class ProcedureStatusProjectionTests {

    /** Monday 1 February 2027, 09:00 in Berlin. */
    private static final Instant NOW = berlin("2027-02-01T09:00");
    private static final Instant SESSION = berlin("2027-02-17T18:00");
    private static final Instant DEADLINE = berlin("2027-02-13T00:00");

    @Autowired
    ApplicationContext context;
    @Autowired
    ProcedureService procedureService;
    @Autowired
    SessionCycleService sessionCycle;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TestMailGateway mailGateway;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    private SessionCycleScenario scenario;

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        scenario = new SessionCycleScenario(context);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        mailGateway.reset();
    }

    @Test
    void phaseNamesFollowTheProcessStepByStep() {
        List<String> phases = new ArrayList<>();
        Procedure procedure = scenario.plan(SESSION, "P4D");
        phases.add(scenario.reload(procedure).getPhase());
        ClockUtil.setCurrentTime(Date.from(DEADLINE.plus(Duration.ofHours(1))));
        scenario.executeJob(procedure, TIMER_INVITATION_DEADLINE);
        phases.add(scenario.reload(procedure).getPhase());
        scenario.submit(procedure, TASK_RESCHEDULE_SESSION, "officer",
            Map.of("sessionStart", "2027-02-24T18:00", "rescheduleReason", "Ladungsfrist verpasst"));
        phases.add(scenario.reload(procedure).getPhase());
        scenario.submit(procedure, TASK_DRAFT_AGENDA, "officer", agenda());
        phases.add(scenario.reload(procedure).getPhase());
        scenario.executeJob(procedure, TASK_SEND_INVITATION);
        phases.add(scenario.reload(procedure).getPhase());
        scenario.executeJob(procedure, TIMER_SESSION_BEGINS);
        phases.add(scenario.reload(procedure).getPhase());
        scenario.submit(procedure, TASK_RECORD_SESSION, "officer", minutes("TOP 1: Begrüßung. TOP 2: Beschlüsse."));
        phases.add(scenario.reload(procedure).getPhase());
        scenario.submit(procedure, TASK_APPROVE_MINUTES, "coordination", decision(DECISION_APPROVE, null));
        phases.add(scenario.reload(procedure).getPhase());
        scenario.executeJob(procedure, TASK_PUBLISH_MINUTES);
        Procedure ended = scenario.reload(procedure);
        phases.add(ended.getPhase());

        assertThat(phases).containsExactly(
            "Tagesordnung entwerfen",
            "Sitzung verlegen",
            "Tagesordnung entwerfen",
            "Einladung versenden und bekannt machen",
            "Warten auf „Sitzungsbeginn erreicht“",
            "Anwesenheit und Protokoll erfassen",
            "Protokoll prüfen und genehmigen",
            "Protokoll veröffentlichen",
            "Abgeschlossen: Protokoll veröffentlicht");
        assertThat(ended.getStatus()).isEqualTo(ProcedureStatus.COMPLETED);
        assertThat(ended.getActiveActivityIds()).isEmpty();
        assertThat(ended.getOpenTasks()).isEmpty();
    }

    @Test
    void nextDeadlineIsTheEarlierOfTaskDueDateAndTimer() {
        Procedure procedure = scenario.plan(SESSION, "P4D");
        Procedure planned = scenario.reload(procedure);
        // agenda task and notice-period timer are both due at the deadline
        assertThat(planned.getNextDeadline()).isEqualTo(DEADLINE);
        assertThat(planned.getEarliestTaskDue()).isEqualTo(DEADLINE);
        assertThat(planned.getActiveActivityIds()).isEqualTo(TASK_DRAFT_AGENDA);

        Instant earlier = DEADLINE.minus(Duration.ofDays(2));
        setDueDate(procedure, TASK_DRAFT_AGENDA, earlier);

        assertThat(scenario.reload(procedure).getNextDeadline()).as("task due before the timer").isEqualTo(earlier);
        assertThat(scenario.reload(procedure).getEarliestTaskDue()).isEqualTo(earlier);

        Instant later = DEADLINE.plus(Duration.ofDays(3));
        setDueDate(procedure, TASK_DRAFT_AGENDA, later);

        assertThat(scenario.reload(procedure).getNextDeadline()).as("timer before the task").isEqualTo(DEADLINE);
        assertThat(scenario.reload(procedure).getEarliestTaskDue()).isEqualTo(later);

        setDueDate(procedure, TASK_DRAFT_AGENDA, null);

        assertThat(scenario.reload(procedure).getNextDeadline()).isEqualTo(DEADLINE);
        assertThat(scenario.reload(procedure).getEarliestTaskDue()).isNull();

        // waiting for the session: no task, only the timer
        scenario.inviteTo(procedure);

        Procedure invited = scenario.reload(procedure);
        assertThat(invited.getNextDeadline()).isEqualTo(SESSION);
        assertThat(invited.getEarliestTaskDue()).isNull();
        assertThat(invited.getOpenTaskCount()).isZero();
    }

    @Test
    void openTasksNameTheirAssigneeOnceClaimed() {
        Procedure procedure = scenario.plan(SESSION, "P4D");

        Procedure open = scenario.reload(procedure);
        assertThat(open.getOpenTaskCount()).isEqualTo(1);
        assertThat(open.getOpenTasks()).isEqualTo("Tagesordnung entwerfen (nicht übernommen)");

        Task agendaTask = scenario.task(procedure, TASK_DRAFT_AGENDA);
        taskService.claim(agendaTask.getId(), "officer");

        assertThat(scenario.reload(procedure).getOpenTasks()).isEqualTo("Tagesordnung entwerfen (officer)");

        taskService.setAssignee(agendaTask.getId(), null);

        assertThat(scenario.reload(procedure).getOpenTasks()).isEqualTo("Tagesordnung entwerfen (nicht übernommen)");
    }

    @Test
    void overdueOnceAnOpenTaskIsPastItsDueDate() {
        Procedure procedure = scenario.plan(SESSION, "P4D");
        assertThat(scenario.reload(procedure).isOverdue(clock.instant())).isFalse();

        ClockUtil.setCurrentTime(Date.from(DEADLINE.minusSeconds(1)));
        assertThat(scenario.reload(procedure).isOverdue(clock.instant())).as("due, not yet overdue").isFalse();

        ClockUtil.setCurrentTime(Date.from(DEADLINE.plusSeconds(1)));
        assertThat(scenario.reload(procedure).isOverdue(clock.instant())).isTrue();

        // waiting past a timer's due date is not overdue: nobody has anything left to do
        ClockUtil.setCurrentTime(Date.from(NOW));
        scenario.inviteTo(procedure);
        ClockUtil.setCurrentTime(Date.from(SESSION.plus(Duration.ofHours(1))));
        assertThat(scenario.reload(procedure).isOverdue(clock.instant())).isFalse();

        // the minutes are due two weeks after the session
        scenario.executeJob(procedure, TIMER_SESSION_BEGINS);
        ClockUtil.setCurrentTime(Date.from(SESSION.plus(Duration.ofDays(14)).plusSeconds(60)));
        assertThat(scenario.reload(procedure).isOverdue(clock.instant())).isTrue();
    }

    @Test
    void cancelledInstanceEndsTheProcedureEvenWhenCustomListenersAreSkipped() {
        Procedure atTask = scenario.plan(SESSION, "P4D");
        Procedure atTimer = new SessionCycleScenario(context).plan(SESSION, "P4D");
        scenario.inviteTo(atTimer);

        // Cockpit's cancel dialog skips custom listeners by default
        runtimeService.deleteProcessInstance(atTask.getProcessInstanceId(), "Sitzung entfällt", true);
        runtimeService.deleteProcessInstance(atTimer.getProcessInstanceId(), "Sitzung entfällt", true);

        for (Procedure cancelled : List.of(atTask, atTimer)) {
            Procedure status = scenario.reload(cancelled);
            assertThat(status.getStatus()).as(status.getBusinessKey()).isEqualTo(ProcedureStatus.COMPLETED);
            assertThat(status.getPhase()).isEqualTo("Abgebrochen");
            assertThat(status.getNextDeadline()).isNull();
            assertThat(status.getOpenTaskCount()).isZero();
        }
    }

    @Test
    void businessKeyIsYearAndFiveDigitsInBerlinTime() {
        // New Year's Eve 23:30 UTC is already 2028 in Berlin
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-12-31T23:30:00Z")));

        Procedure procedure = scenario.plan(berlin("2028-01-19T18:00"), "P4D");

        assertThat(procedure.getBusinessKey()).matches("\\d{4}-\\d{5}")
            .isEqualTo("2028-" + String.format("%05d", procedure.getId()));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(procedure.getBusinessKey())
            .singleResult().getId()).isEqualTo(procedure.getProcessInstanceId());
    }

    @Test
    void unknownMunicipalityIsRefusedAndNothingIsStored() {
        String title = "Sitzung in einer Stadt, die es hier nicht gibt " + System.nanoTime();

        assertThatThrownBy(() -> procedureService.create("atlantis", title, TEMPLATE_KEY, PROCESS_ID))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("atlantis");
        assertThatThrownBy(() -> sessionCycle.plan(new PlanSession("atlantis", SessionCycleScenario.BODY, title,
            SESSION, "Rathaus", "P4D", "a@example.org")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("atlantis");

        assertThat(jdbc.queryForObject("select count(*) from procedure where title = ?", Integer.class, title))
            .isZero();
        assertThat(jdbc.queryForObject("select count(*) from public_session where title = ?", Integer.class,
            title)).as("the session row rolls back with the refused procedure").isZero();
        assertThat(runtimeService.createProcessInstanceQuery().tenantIdIn("atlantis").count()).isZero();
    }

    @Test
    void phaseOfACallActivityIsTheStepOfTheCalledProcessWithItsTasksAndTimers() {
        deployOnce(Bpmn.createExecutableProcess("ProjectionTestCalled").camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_CheckApplications").name("Bewerbungen prüfen").camundaCandidateGroups("officer")
            .boundaryEvent("Timer_CheckOverdue").cancelActivity(false).timerWithDuration("P3D").endEvent()
            .moveToActivity("Task_CheckApplications").endEvent()
            .done());
        deployOnce(Bpmn.createExecutableProcess("ProjectionTestCalling").camundaHistoryTimeToLive(1)
            .startEvent()
            .callActivity("Call_MemberCall").name("Aufruf zur Mitwirkung").calledElement("ProjectionTestCalled")
            .camundaIn("tenantId", "tenantId")
            .endEvent("EndEvent_Done").name("Fertig")
            .done());
        Procedure procedure = procedureService.create(TENANT, "Aufruf mit Unterprozess", "T-test",
            "ProjectionTestCalling");
        procedure = procedureService.startProcess(procedure, Map.of());

        Procedure running = scenario.reload(procedure);
        assertThat(running.getPhase()).isEqualTo("Aufruf zur Mitwirkung: Bewerbungen prüfen");
        assertThat(running.getActiveActivityIds()).isEqualTo("Task_CheckApplications");
        assertThat(running.getOpenTasks()).isEqualTo("Bewerbungen prüfen (nicht übernommen)");
        assertThat(running.getNextDeadline()).isEqualTo(NOW.plus(Duration.ofDays(3)));

        String calledInstance = runtimeService.createProcessInstanceQuery()
            .superProcessInstanceId(procedure.getProcessInstanceId()).singleResult().getId();
        Task task = taskService.createTaskQuery().processInstanceId(calledInstance).singleResult();
        taskService.claim(task.getId(), "officer");
        assertThat(scenario.reload(procedure).getOpenTasks()).isEqualTo("Bewerbungen prüfen (officer)");

        taskService.complete(task.getId());
        Procedure ended = scenario.reload(procedure);
        assertThat(ended.getPhase()).isEqualTo("Abgeschlossen: Fertig");
        assertThat(ended.getStatus()).isEqualTo(ProcedureStatus.COMPLETED);
    }

    @Test
    void aStepThatChangesNothingVisibleLeavesTheUpdateTimeAlone() {
        Procedure procedure = scenario.plan(SESSION, "P4D");
        Instant planned = scenario.reload(procedure).getUpdatedAt();
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(5))));
        Task task = scenario.task(procedure, TASK_DRAFT_AGENDA);
        taskService.setPriority(task.getId(), 80);

        assertThat(scenario.reload(procedure).getUpdatedAt()).isEqualTo(planned);
        taskService.claim(task.getId(), "officer");
        assertThat(scenario.reload(procedure).getUpdatedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void tasksOfACompanionProcessWithTheProceduresBusinessKeyAreAmongItsOpenTasks() {
        deployOnce(Bpmn.createExecutableProcess("ProjectionTestCompanion").camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_ModerateComment").name("Kommentar moderieren").camundaCandidateGroups("coordination")
            .endEvent()
            .done());
        Procedure procedure = scenario.plan(SESSION, "P4D");
        runtimeService.createProcessInstanceByKey("ProjectionTestCompanion").processDefinitionWithoutTenantId()
            .businessKey(procedure.getBusinessKey()).setVariable(ProcedureService.TENANT_ID, TENANT).execute();

        Procedure withCompanion = scenario.reload(procedure);
        assertThat(withCompanion.getOpenTasks()).contains("Tagesordnung entwerfen (nicht übernommen)",
            "Kommentar moderieren (nicht übernommen)");
        assertThat(withCompanion.getOpenTaskCount()).isEqualTo(2);
        assertThat(withCompanion.getPhase()).as("the companion does not change the phase")
            .isEqualTo("Tagesordnung entwerfen");

        runtimeService.createProcessInstanceByKey("ProjectionTestCompanion").processDefinitionWithoutTenantId()
            .businessKey(procedure.getBusinessKey()).setVariable(ProcedureService.TENANT_ID, TENANT).execute();
        assertThat(scenario.reload(procedure).getOpenTasks()).as("alike companion tasks are counted, not listed")
            .contains("2 × Kommentar moderieren (nicht übernommen)");
        assertThat(scenario.reload(procedure).getOpenTaskCount()).isEqualTo(3);

        List<Task> moderations = taskService.createTaskQuery().processInstanceBusinessKey(procedure.getBusinessKey())
            .taskDefinitionKey("Task_ModerateComment").list();
        taskService.claim(moderations.get(0).getId(), "coordination");
        assertThat(scenario.reload(procedure).getOpenTasks()).contains("Kommentar moderieren (coordination)",
            "Kommentar moderieren (nicht übernommen)").doesNotContain("2 ×");
        moderations.forEach(moderation -> taskService.complete(moderation.getId()));
        assertThat(scenario.reload(procedure).getOpenTasks()).isEqualTo("Tagesordnung entwerfen (nicht übernommen)");
        assertThat(scenario.reload(procedure).getOpenTaskCount()).isEqualTo(1);
    }

    private void deployOnce(BpmnModelInstance model) {
        repositoryService.createDeployment().name("projection-tests").enableDuplicateFiltering(true)
            .addModelInstance(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
                .iterator().next().getId() + ".bpmn", model)
            .deploy();
    }

    private void setDueDate(Procedure procedure, String taskKey, Instant due) {
        Task task = scenario.task(procedure, taskKey);
        task.setDueDate(due == null ? null : Date.from(due));
        taskService.saveTask(task);
    }
}
