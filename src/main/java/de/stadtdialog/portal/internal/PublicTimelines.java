package de.stadtdialog.portal.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureStatus;
import de.stadtdialog.portal.internal.PublicTimeline.CurrentPhase;
import de.stadtdialog.portal.internal.PublicTimeline.PastStep;
import de.stadtdialog.portal.internal.PublicTimeline.UpcomingDate;

/**
 * Builds the public timeline of a procedure from the engine: finished steps from the history (only named steps
 * and events the public can understand: no gateways, scripts or rule evaluations, nothing that was cancelled,
 * never who did it), the current phase from the procedure's read model, and the dates ahead from the open tasks'
 * due dates and the process's timers. A timer on a step's border is that step's deadline; a timer the process
 * waits at is an event ("Sitzungsbeginn").
 */
@Component
class PublicTimelines {

    private static final Set<String> INTERNAL_ACTIVITY_TYPES = Set.of("exclusiveGateway", "parallelGateway",
        "inclusiveGateway", "eventBasedGateway", "complexGateway", "multiInstanceBody", "subProcess",
        "adHocSubProcess", "transaction", "scriptTask", "businessRuleTask", "boundaryCompensation",
        "compensationEndEvent", "intermediateCompensationThrowEvent");

    /** Extension property of a flow node: {@code false} keeps it off the public timeline. */
    static final String PUBLIC_PROPERTY = "public";

    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final RepositoryService repositoryService;
    private final Clock clock;

    PublicTimelines(HistoryService historyService, RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
            RepositoryService repositoryService, Clock clock) {
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.repositoryService = repositoryService;
        this.clock = clock;
    }

    PublicTimeline of(Procedure procedure) {
        String instanceId = procedure.getProcessInstanceId();
        if (instanceId == null) {
            return new PublicTimeline(List.of(), new CurrentPhase(null, null, false, false), List.of());
        }
        List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery()
            .processInstanceId(instanceId).orderByHistoricActivityInstanceStartTime().asc()
            .orderPartiallyByOccurrence().asc().list();
        Map<String, BpmnModelInstance> models = new HashMap<>();
        activities = activities.stream().filter(activity -> !markedInternal(activity, models)).toList();
        List<PastStep> past = activities.stream()
            .filter(activity -> activity.getEndTime() != null && !activity.isCanceled() && isPublic(activity))
            .sorted(Comparator.comparing(HistoricActivityInstance::getEndTime))
            .map(activity -> new PastStep(name(activity.getActivityName()), activity.getEndTime().toInstant()))
            .toList();
        boolean ended = procedure.getStatus() == ProcedureStatus.COMPLETED;
        Instant since = ended ? procedure.getEndedAt() : activities.stream()
            .filter(activity -> activity.getEndTime() == null && isPublic(activity))
            .map(activity -> activity.getStartTime().toInstant()).min(Comparator.naturalOrder()).orElse(null);
        CurrentPhase current = new CurrentPhase(procedure.getPhase(), since, true, ended);
        return new PublicTimeline(past, current, ended ? List.of() : upcoming(procedure));
    }

    /** The open deadlines and awaited events of a running procedure, earliest first. */
    List<UpcomingDate> upcoming(Procedure procedure) {
        String instanceId = procedure.getProcessInstanceId();
        if (instanceId == null || procedure.getStatus() != ProcedureStatus.RUNNING) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<String, UpcomingDate> dates = new LinkedHashMap<>();
        // a composed procedure's deadlines are in the processes it called (the call's application deadline, ...)
        Set<String> instances = new HashSet<>();
        instances.add(instanceId);
        runtimeService.createProcessInstanceQuery().rootProcessInstanceId(instanceId).list()
            .forEach(instance -> instances.add(instance.getId()));
        for (Task task : taskService.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).list()) {
            if (task.getDueDate() != null && hasName(task.getName())) {
                add(dates, new UpcomingDate(name(task.getName()), task.getDueDate().toInstant(),
                    UpcomingDate.Kind.DEADLINE, task.getDueDate().toInstant().isBefore(now)));
            }
        }
        List<Job> timers = managementService.createJobQuery().rootProcessInstanceId(instanceId).timers().list();
        Map<String, String> activityOfJobDefinition = new HashMap<>();
        Map<String, BpmnModelInstance> models = new HashMap<>();
        for (Job timer : timers) {
            if (timer.getDuedate() == null) {
                continue;
            }
            String activityId = activityOfJobDefinition.computeIfAbsent(timer.getJobDefinitionId(), this::activityOf);
            BpmnModelInstance model = models.computeIfAbsent(timer.getProcessDefinitionId(),
                repositoryService::getBpmnModelInstance);
            UpcomingDate date = timerDate(model, activityId, timer.getDuedate(), now);
            if (date != null) {
                add(dates, date);
            }
        }
        return dates.values().stream().sorted(Comparator.comparing(UpcomingDate::at)).toList();
    }

    private static UpcomingDate timerDate(BpmnModelInstance model, String activityId, Date due, Instant now) {
        if (model == null || activityId == null) {
            return null;
        }
        FlowElement element = model.getModelElementById(activityId);
        if (element instanceof BoundaryEvent boundary) {
            Activity step = boundary.getAttachedTo();
            return step == null || !hasName(step.getName()) ? null
                : new UpcomingDate(name(step.getName()), due.toInstant(), UpcomingDate.Kind.DEADLINE,
                    due.toInstant().isBefore(now));
        }
        return element == null || !hasName(element.getName()) ? null
            : new UpcomingDate(name(element.getName()), due.toInstant(), UpcomingDate.Kind.EVENT, false);
    }

    /** A step's due date and its boundary timer usually name the same moment; it is shown once. */
    private static void add(Map<String, UpcomingDate> dates, UpcomingDate date) {
        dates.putIfAbsent(date.name() + "@" + date.at().toEpochMilli(), date);
    }

    private String activityOf(String jobDefinitionId) {
        if (jobDefinitionId == null) {
            return null;
        }
        JobDefinition definition = managementService.createJobDefinitionQuery().jobDefinitionId(jobDefinitionId)
            .singleResult();
        return definition == null ? null : definition.getActivityId();
    }

    /**
     * Steps a process designer marked as internal with the extension property {@value #PUBLIC_PROPERTY}
     * = {@code false} (e.g. the service tasks that prepare a template for a composed procedure).
     */
    private boolean markedInternal(HistoricActivityInstance activity, Map<String, BpmnModelInstance> models) {
        BpmnModelInstance model = models.computeIfAbsent(activity.getProcessDefinitionId(),
            repositoryService::getBpmnModelInstance);
        ModelElementInstance element = model == null ? null : model.getModelElementById(activity.getActivityId());
        if (!(element instanceof BaseElement base) || base.getExtensionElements() == null) {
            return false;
        }
        return base.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
            .flatMap(properties -> properties.getCamundaProperties().stream())
            .anyMatch(property -> PUBLIC_PROPERTY.equals(property.getCamundaName())
                && "false".equalsIgnoreCase(property.getCamundaValue()));
    }

    private static boolean isPublic(HistoricActivityInstance activity) {
        return !INTERNAL_ACTIVITY_TYPES.contains(activity.getActivityType()) && hasName(activity.getActivityName());
    }

    private static boolean hasName(String name) {
        return name != null && !name.isBlank();
    }

    private static String name(String name) {
        return Objects.requireNonNull(name).replace('\n', ' ').trim();
    }
}
