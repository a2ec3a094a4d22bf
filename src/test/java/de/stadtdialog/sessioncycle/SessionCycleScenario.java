package de.stadtdialog.sessioncycle;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.sessioncycle.SessionCycleService.PlanSession;

/**
 * Drives one session through the session-cycle process the way staff and the job executor would, for the
 * process and read-model tests. Every scenario has its own recipients, so tests sharing the database and the
 * mail gateway can tell their mails apart. Not a bean: tests build it from the shared context.
 */
public final class SessionCycleScenario {

    public static final String TENANT = "kaiserslautern";
    public static final String BODY = "Arbeitskreis Leitlinien für Bürgerbeteiligung";

    private final SessionCycleService sessionCycle;
    private final PublicSessionRepository sessions;
    private final ProcedureRepository procedures;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final FormService formService;
    private final ManagementService managementService;
    private final String token = UUID.randomUUID().toString().substring(0, 8);

    public SessionCycleScenario(ApplicationContext context) {
        this.sessionCycle = context.getBean(SessionCycleService.class);
        this.sessions = context.getBean(PublicSessionRepository.class);
        this.procedures = context.getBean(ProcedureRepository.class);
        this.runtimeService = context.getBean(RuntimeService.class);
        this.taskService = context.getBean(TaskService.class);
        this.formService = context.getBean(FormService.class);
        this.managementService = context.getBean(ManagementService.class);
    }

    /** A wall-clock time in Europe/Berlin, e.g. {@code berlin("2027-02-17T18:00")}. */
    public static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NoticePeriod.ZONE).toInstant();
    }

    public List<String> recipients() {
        return List.of("mitglied1-" + token + "@example.org", "mitglied2-" + token + "@example.org",
            "beirat-" + token + "@example.org");
    }

    public String title() {
        return "Arbeitskreis Leitlinien – Testsitzung " + token;
    }

    public Procedure plan(Instant startsAt, String noticePeriod) {
        return sessionCycle.plan(new PlanSession(TENANT, BODY, title(), startsAt, "Rathaus, Großer Ratssaal",
            noticePeriod, String.join("\n", recipients())));
    }

    /** The procedure row as it is committed now. */
    public Procedure reload(Procedure procedure) {
        return procedures.findById(procedure.getId()).orElseThrow();
    }

    public PublicSession session(Procedure procedure) {
        return sessions.findByProcedureId(procedure.getId()).orElseThrow();
    }

    public ProcessInstance instance(Procedure procedure) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(procedure.getProcessInstanceId())
            .singleResult();
    }

    public Task task(Procedure procedure, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(procedure.getProcessInstanceId())
            .taskDefinitionKey(taskKey).singleResult();
    }

    public Job job(Procedure procedure, String activityId) {
        return managementService.createJobQuery().processInstanceId(procedure.getProcessInstanceId())
            .activityId(activityId).singleResult();
    }

    /** Claims the task for {@code user} and submits the form, as our tasklist and Camunda Tasklist do. */
    public void submit(Procedure procedure, String taskKey, String user, Map<String, Object> values) {
        Task task = task(procedure, taskKey);
        if (task == null) {
            throw new AssertionError("No open task " + taskKey + " in " + procedure.getBusinessKey());
        }
        if (!user.equals(task.getAssignee())) {
            taskService.claim(task.getId(), user);
        }
        formService.submitTaskForm(task.getId(), values);
    }

    public void executeJob(Procedure procedure, String activityId) {
        Job job = job(procedure, activityId);
        if (job == null) {
            throw new AssertionError("No job at " + activityId + " in " + procedure.getBusinessKey());
        }
        managementService.executeJob(job.getId());
    }

    public static Map<String, Object> agenda() {
        return Map.of("sessionFormat", "hybrid", "location", "Rathaus, Sitzungssaal 2",
            "agenda", "TOP 1: Begrüßung\nTOP 2: Entwurf Kapitel 4\nTOP 3: Verschiedenes");
    }

    public static Map<String, Object> minutes(String text) {
        return Map.of("attendeeCount", 11, "quorate", true,
            "attendance", "Frau Schneider (Verwaltung), Herr Weber (Koordinationsstelle), 9 Mitglieder",
            "minutes", text);
    }

    public static Map<String, Object> decision(String decision, String comment) {
        return comment == null ? Map.of(SessionCycleProcess.VAR_MINUTES_DECISION, decision)
            : Map.of(SessionCycleProcess.VAR_MINUTES_DECISION, decision, "reviewComment", comment);
    }

    /** Agenda drafted by the officer and the invitation job run: the process waits for the session to begin. */
    public void inviteTo(Procedure procedure) {
        submit(procedure, SessionCycleProcess.TASK_DRAFT_AGENDA, "officer", agenda());
        executeJob(procedure, SessionCycleProcess.TASK_SEND_INVITATION);
    }

    /** Invited, the session held (timer fired) and the minutes recorded by the officer: waiting for approval. */
    public void recordMinutesOf(Procedure procedure) {
        inviteTo(procedure);
        executeJob(procedure, SessionCycleProcess.TIMER_SESSION_BEGINS);
        submit(procedure, SessionCycleProcess.TASK_RECORD_SESSION, "officer",
            minutes("TOP 1: Begrüßung durch Frau Schneider.\nTOP 2: Kapitel 4 wird mit Änderungen angenommen."));
    }
}
