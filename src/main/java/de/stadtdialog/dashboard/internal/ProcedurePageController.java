package de.stadtdialog.dashboard.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import de.stadtdialog.dashboard.ProcedureDetailsContributor;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.procedure.ProcedureStatus;
import de.stadtdialog.shared.StaffUser;

/**
 * One procedure: where it stands (diagram with the active steps), what is open, what went wrong and what happened
 * so far. A procedure of another municipality is "not found", so its existence is not revealed.
 */
@Controller
class ProcedurePageController {

    private final ProcedureRepository procedures;
    private final ProcedureNames names;
    private final ProcedureHistory history;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ObjectProvider<ProcedureDetailsContributor> contributors;
    private final Clock clock;

    ProcedurePageController(ProcedureRepository procedures, ProcedureNames names, ProcedureHistory history,
            RepositoryService repositoryService, RuntimeService runtimeService, TaskService taskService,
            ObjectProvider<ProcedureDetailsContributor> contributors, Clock clock) {
        this.procedures = procedures;
        this.names = names;
        this.history = history;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.contributors = contributors;
        this.clock = clock;
    }

    private static final int TASKS_SHOWN = 50;

    /** A step the process is waiting in, for the highlighted diagram and the list read out by screen readers. */
    public record ActiveStep(String id, String name) {
    }

    public record OpenTask(String name, String assignee, Instant due, Instant created, boolean overdue) {
    }

    public record OpenIncident(String message, String step, Instant since) {
    }

    @GetMapping("/verfahren/{businessKey}")
    String show(@PathVariable String businessKey, Model model, Locale locale) {
        Procedure procedure = visible(businessKey);
        Instant now = clock.instant();
        String instanceId = procedure.getProcessInstanceId();
        boolean running = procedure.getStatus() == ProcedureStatus.RUNNING && instanceId != null;
        BpmnModelInstance bpmn = procedure.getProcessDefinitionId() == null ? null
            : repositoryService.getBpmnModelInstance(procedure.getProcessDefinitionId());

        model.addAttribute("procedure", procedure);
        model.addAttribute("templateName", names.template(procedure.getTemplateKey(), locale));
        model.addAttribute("tenantName", names.tenants(List.of(procedure.getTenantId()))
            .getOrDefault(procedure.getTenantId(), procedure.getTenantId()));
        model.addAttribute("statusName", names.status(procedure.getStatus(), locale));
        model.addAttribute("overdue", procedure.isOverdue(now));
        model.addAttribute("details", contributors.orderedStream()
            .flatMap(contributor -> contributor.detailsOf(procedure).stream()).toList());
        model.addAttribute("hasDiagram", bpmn != null);
        List<ActiveStep> activeSteps = running ? activeSteps(procedure, bpmn) : List.of();
        model.addAttribute("activeSteps", activeSteps);
        model.addAttribute("activeStepLabels", running ? activeStepLabels(procedure, bpmn, activeSteps) : List.<String>of());
        model.addAttribute("openTasks", running ? openTasks(procedure, now) : List.<OpenTask>of());
        model.addAttribute("incidents", running ? incidents(instanceId, bpmn) : List.<OpenIncident>of());
        model.addAttribute("cockpitUrl", instanceId == null ? null
            : "/camunda/app/cockpit/default/#/process-instance/" + instanceId + "/runtime?tab=incidents-tab");
        model.addAttribute("timeline", history.timeline(procedure, locale));
        return "dashboard/procedure";
    }

    @GetMapping("/verfahren/{businessKey}/diagram.bpmn")
    ResponseEntity<byte[]> diagram(@PathVariable String businessKey) throws IOException {
        Procedure procedure = visible(businessKey);
        if (procedure.getProcessDefinitionId() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try (InputStream xml = repositoryService.getProcessModel(procedure.getProcessDefinitionId())) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.readAllBytes());
        }
    }

    private Procedure visible(String businessKey) {
        List<String> tenants = StaffUser.current().tenants();
        if (tenants.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return procedures.findByBusinessKeyAndTenantIdIn(businessKey, tenants)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private List<ActiveStep> activeSteps(Procedure procedure, BpmnModelInstance bpmn) {
        List<String> ids = procedure.getActiveActivityIds() == null || procedure.getActiveActivityIds().isBlank()
            ? runtimeService.getActiveActivityIds(procedure.getProcessInstanceId())
            : Arrays.stream(procedure.getActiveActivityIds().split(",")).map(String::trim)
                .filter(id -> !id.isEmpty()).toList();
        if (bpmn != null && ids.stream().anyMatch(id -> bpmn.getModelElementById(id) == null)) {
            // steps inside called processes (a composed procedure): its own diagram shows the call activities
            ids = runtimeService.getActiveActivityIds(procedure.getProcessInstanceId());
        }
        return ids.stream().distinct()
            // the read model truncates long lists; a cut-off id is not in the diagram
            .filter(id -> bpmn == null || bpmn.getModelElementById(id) != null)
            .map(id -> new ActiveStep(id, ProcedureHistory.activityName(bpmn, id))).toList();
    }

    /**
     * The steps in plain words as the read model has them, which follows call activities into the called
     * processes ("Ratsentscheidung: Beschlussvorlage verfassen"); the diagram's own names where it has none.
     */
    private static List<String> activeStepLabels(Procedure procedure, BpmnModelInstance bpmn,
            List<ActiveStep> steps) {
        boolean inCalledProcesses = bpmn != null && procedure.getActiveActivityIds() != null
            && Arrays.stream(procedure.getActiveActivityIds().split(",")).map(String::trim)
                .anyMatch(id -> !id.isEmpty() && bpmn.getModelElementById(id) == null);
        if (!inCalledProcesses || procedure.getPhase() == null || procedure.getPhase().isBlank()) {
            return steps.stream().map(ActiveStep::name).toList();
        }
        return Arrays.stream(procedure.getPhase().split(" · ")).map(String::trim).filter(l -> !l.isEmpty())
            .toList();
    }

    /**
     * Open tasks of every process of the procedure: its own, the templates it called and companion processes
     * (e.g. one moderation per comment), which all carry its business key. At most {@value #TASKS_SHOWN}.
     */
    private List<OpenTask> openTasks(Procedure procedure, Instant now) {
        return taskService.createTaskQuery().processInstanceBusinessKey(procedure.getBusinessKey())
            .tenantIdIn(procedure.getTenantId()).orderByTaskCreateTime().asc().listPage(0, TASKS_SHOWN)
            .stream().map(task -> openTask(task, now)).toList();
    }

    private static OpenTask openTask(Task task, Instant now) {
        Instant due = instant(task.getDueDate());
        return new OpenTask(task.getName(), task.getAssignee(), due, instant(task.getCreateTime()),
            due != null && due.isBefore(now));
    }

    private List<OpenIncident> incidents(String instanceId, BpmnModelInstance bpmn) {
        List<Incident> open = runtimeService.createIncidentQuery().processInstanceId(instanceId).list();
        return open.stream().map(incident -> new OpenIncident(incident.getIncidentMessage(),
            ProcedureHistory.activityName(bpmn, incident.getActivityId()), instant(incident.getIncidentTimestamp())))
            .toList();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
