package de.stadtdialog.tasklist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import de.stadtdialog.StaffLogin;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.sessioncycle.SessionCycleProcess;
import de.stadtdialog.sessioncycle.SessionCycleService;
import de.stadtdialog.sessioncycle.SessionCycleService.PlanSession;

/** Each test's own procedures and tasks: session cycles as officers plan them, and the form fixture process. */
final class TasklistTestData {

    static final String FIXTURE_PROCESS = "TasklistFormFixtureProcess";
    static final String FIXTURE_FORM = "forms-test/tasklist-form-fixture.form";
    static final String FIXTURE_BPMN = "forms-test/TasklistFormFixtureProcess.bpmn";

    private final SessionCycleService sessionCycle;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final Clock clock;

    TasklistTestData(SessionCycleService sessionCycle, RepositoryService repositoryService,
            RuntimeService runtimeService, TaskService taskService, Clock clock) {
        this.sessionCycle = sessionCycle;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.clock = clock;
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A session in 30 days: its process waits at "Tagesordnung entwerfen" for the officers. */
    Procedure planSession(String title) {
        return sessionCycle.plan(new PlanSession(StaffLogin.TENANT, "Arbeitskreis Tasklist-Test", title,
            clock.instant().plus(Duration.ofDays(30)), "Rathaus, Raum 1", "P4D", "mitglied@example.org"));
    }

    Task task(Procedure procedure, String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceId(procedure.getProcessInstanceId())
            .taskDefinitionKey(taskDefinitionKey).singleResult();
    }

    Task draftAgenda(Procedure procedure) {
        return task(procedure, SessionCycleProcess.TASK_DRAFT_AGENDA);
    }

    /** Deploys the fixture form and process (once; unchanged files are not deployed again). */
    void deployFixture() {
        repositoryService.createDeployment().name("tasklist-test-fixture")
            .addClasspathResource(FIXTURE_FORM).addClasspathResource(FIXTURE_BPMN)
            .enableDuplicateFiltering(true).deploy();
    }

    /** Starts the fixture process; returns its one open task. */
    Task startFixture(String tenant, String candidateGroup, String taskTitle, Instant due, String businessKey,
            Map<String, Object> variables) {
        deployFixture();
        Map<String, Object> all = new HashMap<>(variables);
        all.put("tenantId", tenant);
        all.put("candidateGroup", candidateGroup);
        all.put("taskTitle", taskTitle);
        all.put("due", due == null ? null : Date.from(due));
        ProcessInstance instance = runtimeService.createProcessInstanceByKey(FIXTURE_PROCESS)
            .processDefinitionWithoutTenantId().businessKey(businessKey).setVariables(all).execute();
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }
}
