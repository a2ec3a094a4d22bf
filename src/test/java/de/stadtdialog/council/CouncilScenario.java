package de.stadtdialog.council;

import static de.stadtdialog.council.CouncilDecisionProcess.*;

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
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

import de.stadtdialog.council.CouncilService.StartCouncilDecision;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;

/**
 * Drives one motion through the council-decision process the way staff and the job executor would. Each scenario
 * has its own subject and participant addresses, so tests sharing the database and mail gateway stay apart.
 */
public final class CouncilScenario {

    public static final String TENANT = "kaiserslautern";

    private final CouncilService council;
    private final MotionRepository motions;
    private final ProcedureRepository procedures;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final FormService formService;
    private final ManagementService managementService;
    private final String token = UUID.randomUUID().toString().substring(0, 8);
    private final Map<Long, String> calledInstances = new HashMap<>();

    public CouncilScenario(ApplicationContext context) {
        this.council = context.getBean(CouncilService.class);
        this.motions = context.getBean(MotionRepository.class);
        this.procedures = context.getBean(ProcedureRepository.class);
        this.runtimeService = context.getBean(RuntimeService.class);
        this.taskService = context.getBean(TaskService.class);
        this.formService = context.getBean(FormService.class);
        this.managementService = context.getBean(ManagementService.class);
    }

    public static Instant berlin(String localDateTime) {
        return CouncilDates.berlin(LocalDateTime.parse(localDateTime));
    }

    public String subject() {
        return "Leitlinien für Bürgerbeteiligung " + token;
    }

    public String participant(String name) {
        return name + "-" + token + "@example.org";
    }

    public Procedure start() {
        return start(null);
    }

    public Procedure start(String participationProcedureKey) {
        return council.start(new StartCouncilDecision(TENANT, subject(), participationProcedureKey, "Kommentierung",
            "https://www.kaiserslautern.de/leitlinien/ergebnisbericht.pdf", "P4D", "P2Y"));
    }

    public Procedure reload(Procedure procedure) {
        return procedures.findById(procedure.getId()).orElseThrow();
    }

    public Motion motion(Procedure procedure) {
        return motions.findFirstByProcedureIdOrderByIdDesc(procedure.getId()).orElseThrow();
    }

    /** From now on, tasks and jobs of this procedure are looked up in the council process it called. */
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

    public Job job(Procedure procedure, String activityId) {
        return managementService.createJobQuery().processInstanceId(instanceId(procedure))
            .activityId(activityId).singleResult();
    }

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

    public Map<String, Object> draft(boolean deviates, String reasons) {
        Map<String, Object> values = new HashMap<>();
        values.put("subject", subject());
        values.put("facts", "Der Stadtrat hat 2025 beschlossen, Leitlinien für Bürgerbeteiligung zu erarbeiten.");
        values.put("participationResults", "142 Kommentare, 61 übernommen, 37 teilweise, 44 nicht übernommen.");
        values.put("resultsReportUrl", "https://www.kaiserslautern.de/leitlinien/ergebnisbericht.pdf");
        values.put("proposedResolution", "Der Stadtrat beschließt die Leitlinien für Bürgerbeteiligung.");
        values.put("deviates", deviates);
        if (reasons != null) {
            values.put("deviationReasons", reasons);
        }
        return values;
    }

    public static Map<String, Object> approve() {
        return Map.of(VAR_MOTION_DECISION, MOTION_APPROVE);
    }

    public static Map<String, Object> sequence(String hearing, String preliminary, String decision) {
        Map<String, Object> values = new HashMap<>();
        values.put("hearingBody", hearing == null ? "" : hearing);
        values.put("preliminaryBody", preliminary == null ? "" : preliminary);
        values.put("decisionBody", decision);
        return values;
    }

    public static Map<String, Object> meeting(String localDateTime) {
        return Map.of("meetingStart", localDateTime, "location", "Rathaus, Großer Ratssaal");
    }

    public static Map<String, Object> result(ConsultationResult result, String changes, String note) {
        Map<String, Object> values = new HashMap<>();
        values.put("result", result.name());
        if (changes != null) {
            values.put("changes", changes);
        }
        if (note != null) {
            values.put("resultNote", note);
        }
        return values;
    }

    /** Drafted by "officer", approved by "coordination", sequence set to the given bodies by "secretariat". */
    public void submitted(Procedure procedure, String hearing, String preliminary, String decision) {
        submit(procedure, TASK_DRAFT_MOTION, "officer", draft(false, null));
        submit(procedure, TASK_APPROVE_MOTION, "coordination", approve());
        submit(procedure, TASK_SET_CONSULTATION_SEQUENCE, "secretariat", sequence(hearing, preliminary, decision));
    }

    /** Scheduled at {@code meeting}, the meeting's timer fired and the result recorded. */
    public void deliberate(Procedure procedure, String meetingAt, Map<String, Object> result) {
        submit(procedure, TASK_SCHEDULE_CONSULTATION, "secretariat", meeting(meetingAt));
        executeJob(procedure, TIMER_MEETING_BEGINS);
        submit(procedure, TASK_RECORD_RESULT, "secretariat", result);
    }

    public List<Consultation> consultations(Motion motion) {
        return council.currentConsultations(motion);
    }
}
