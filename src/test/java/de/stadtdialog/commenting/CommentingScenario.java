package de.stadtdialog.commenting;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;

/**
 * Drives one draft through the commenting processes the way staff, citizens and the job executor would, for the
 * process and page tests. Each scenario has its own title, so tests sharing the database can tell theirs apart.
 * Not a bean: tests build it from the shared context.
 */
public final class CommentingScenario {

    private final java.util.Map<Long, String> calledInstances = new java.util.HashMap<>();

    public static final String TENANT = "kaiserslautern";
    public static final String MARKDOWN = """
        # Leitlinien für Bürgerbeteiligung

        ## 1. Ziele

        Die Stadt beteiligt ihre Einwohnerinnen und Einwohner frühzeitig.

        Beteiligung ist ergebnisoffen.

        ## 2. Verfahren

        Jedes Vorhaben steht in der Vorhabenliste.
        """;

    private final CommentingService commenting;
    private final DraftRepository drafts;
    private final CommentRepository comments;
    private final ProcedureRepository procedures;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final FormService formService;
    private final ManagementService managementService;
    private final String token = UUID.randomUUID().toString().substring(0, 8);

    public CommentingScenario(ApplicationContext context) {
        this.commenting = context.getBean(CommentingService.class);
        this.drafts = context.getBean(DraftRepository.class);
        this.comments = context.getBean(CommentRepository.class);
        this.procedures = context.getBean(ProcedureRepository.class);
        this.runtimeService = context.getBean(RuntimeService.class);
        this.taskService = context.getBean(TaskService.class);
        this.formService = context.getBean(FormService.class);
        this.managementService = context.getBean(ManagementService.class);
    }

    public static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CommentingTimes.ZONE).toInstant();
    }

    public String title() {
        return "Leitlinien Bürgerbeteiligung – Test " + token;
    }

    public Procedure start() {
        return commenting.start(TENANT, title(), null);
    }

    public Procedure reload(Procedure procedure) {
        return procedures.findById(procedure.getId()).orElseThrow();
    }

    public Draft draft(Procedure procedure) {
        return drafts.findByProcedureId(procedure.getId()).orElseThrow();
    }

    public List<DraftParagraph> paragraphs(Procedure procedure) {
        Draft draft = draft(procedure);
        return commenting.paragraphs(draft, draft.getCommentedVersion());
    }

    public Comment comment(Long id) {
        return comments.findById(id).orElseThrow();
    }

    public ProcessInstance instance(Procedure procedure) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(procedure.getProcessInstanceId())
            .singleResult();
    }

    /** The moderation instance of a comment. */
    public ProcessInstance moderation(Comment comment) {
        return runtimeService.createProcessInstanceQuery()
            .processDefinitionKey(CommentModerationProcess.PROCESS_ID)
            .variableValueEquals(CommentModerationProcess.VAR_COMMENT_ID, comment.getId()).singleResult();
    }

    /** Tasks and jobs of {@code procedure} are looked up in the called instance (a composed procedure's). */
    public void followCalledInstance(Procedure procedure, String calledInstanceId) {
        calledInstances.put(procedure.getId(), calledInstanceId);
    }

    public String instanceId(Procedure procedure) {
        return calledInstances.getOrDefault(procedure.getId(), procedure.getProcessInstanceId());
    }

    public Task task(Procedure procedure, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(instanceId(procedure))
            .taskDefinitionKey(taskKey).singleResult();
    }

    public Task moderationTask(Comment comment) {
        ProcessInstance instance = moderation(comment);
        return instance == null ? null : taskService.createTaskQuery().processInstanceId(instance.getId())
            .singleResult();
    }

    public Job job(String processInstanceId, String activityId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
            .singleResult();
    }

    public void executeJob(String processInstanceId, String activityId) {
        Job job = job(processInstanceId, activityId);
        if (job == null) {
            throw new AssertionError("No job at " + activityId + " in " + processInstanceId);
        }
        managementService.executeJob(job.getId());
    }

    public void executeJob(Procedure procedure, String activityId) {
        executeJob(instanceId(procedure), activityId);
    }

    public void submit(Task task, String user, Map<String, Object> values) {
        if (task == null) {
            throw new AssertionError("No open task");
        }
        if (!user.equals(task.getAssignee())) {
            taskService.claim(task.getId(), user);
        }
        formService.submitTaskForm(task.getId(), values);
    }

    public void submit(Procedure procedure, String taskKey, String user, Map<String, Object> values) {
        submit(task(procedure, taskKey), user, values);
    }

    public static Map<String, Object> setUp(String title, Instant opensAt, String period) {
        Map<String, Object> values = new HashMap<>();
        values.put("draftTitle", title);
        values.put("introduction", "Offen: alle Kapitel. Fest steht: der Rahmen der Gemeindeordnung.");
        values.put("plainSummary", "Die Stadt will Regeln für Beteiligung. Sagen Sie uns Ihre Meinung.");
        values.put("draftMarkdown", MARKDOWN);
        values.put("opensAt", CommentingTimes.localInput(opensAt));
        values.put("commentingPeriod", period);
        return values;
    }

    public static Map<String, Object> draftDecision(String decision, String note) {
        Map<String, Object> values = new HashMap<>();
        values.put(CommentingPhaseProcess.VAR_DRAFT_DECISION, decision);
        values.put("approvalNote", note);
        return values;
    }

    public static Map<String, Object> moderation(String decision, String reason, String note) {
        Map<String, Object> values = new HashMap<>();
        values.put(CommentModerationProcess.VAR_MODERATION_DECISION, decision);
        values.put("rejectionReason", reason);
        values.put("rejectionNote", note);
        return values;
    }

    /** Set up by the officer, approved by coordination, opened at {@code opensAt} (the clock moves there). */
    public Procedure openForComment(Instant opensAt, String period) {
        Procedure procedure = start();
        submit(procedure, CommentingPhaseProcess.TASK_SET_UP_DRAFT, "officer", setUp(title(), opensAt, period));
        submit(procedure, CommentingPhaseProcess.TASK_APPROVE_DRAFT, "coordination",
            draftDecision(CommentingPhaseProcess.DECISION_APPROVE, null));
        ClockUtil.setCurrentTime(java.util.Date.from(opensAt));
        executeJob(procedure, CommentingPhaseProcess.TIMER_COMMENTING_OPENS);
        executeJob(procedure, CommentingPhaseProcess.TASK_OPEN_COMMENTING);
        return procedure;
    }

    /** Approves the comment through its moderation task and runs the notification job. */
    public void approve(Comment comment) {
        ProcessInstance instance = moderation(comment);
        submit(moderationTask(comment), "officer", moderation(CommentModerationProcess.DECISION_APPROVE, null, null));
        executeJob(instance.getId(), CommentModerationProcess.TASK_NOTIFY_AUTHOR_OF_APPROVAL);
    }

    /** The closing timer and job run at {@code at}: the draft waits for evaluation. */
    public void close(Procedure procedure, Instant at) {
        ClockUtil.setCurrentTime(java.util.Date.from(at));
        executeJob(procedure, CommentingPhaseProcess.TIMER_COMMENTING_CLOSES);
        executeJob(procedure, CommentingPhaseProcess.TASK_CLOSE_COMMENTING);
    }
}
