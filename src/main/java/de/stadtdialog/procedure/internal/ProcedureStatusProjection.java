package de.stadtdialog.procedure.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedurePhaseChanged;
import de.stadtdialog.procedure.ProcedureRepository;

/**
 * Keeps each procedure's read model (phase in plain words, next deadline, open tasks) in step with its process.
 * Engine listeners mark a process instance as changed; just before the transaction commits, the procedure row is
 * recomputed from the engine's state in that same transaction. So the overview is never ahead of or behind the
 * engine, and no state is kept in memory beyond one transaction.
 */
@Component
class ProcedureStatusProjection {

    private static final Object DIRTY_KEY = ProcedureStatusProjection.class.getName() + ".dirty";

    private final ProcedureRepository procedures;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ProcedureStatusProjection(ProcedureRepository procedures, IdentityService identityService,
            RuntimeService runtimeService,
            TaskService taskService, ManagementService managementService, HistoryService historyService,
            RepositoryService repositoryService, Clock clock, ApplicationEventPublisher events) {
        this.procedures = procedures;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.clock = clock;
        this.events = events;
    }

    /** Marks a root process instance as changed in the current transaction. */
    void markChanged(String rootProcessInstanceId) {
        if (rootProcessInstanceId == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> dirty = (Set<String>) TransactionSynchronizationManager.getResource(DIRTY_KEY);
        if (dirty == null) {
            Set<String> changed = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(DIRTY_KEY, changed);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    // refreshing may itself run engine commands; copy to allow new marks meanwhile
                    List<String> ids = new ArrayList<>(changed);
                    refreshAsSystem(ids);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(DIRTY_KEY);
                }
            });
            dirty = changed;
        }
        dirty.add(rootProcessInstanceId);
    }

    /**
     * The read model describes the whole procedure, whoever caused the change: a user logged into the engine
     * (Camunda Tasklist, REST) may not be allowed to read the instance, and would make it look ended. So the
     * engine's authorization checks are lifted for the refresh, and the user's login restored afterwards.
     */
    private void refreshAsSystem(List<String> processInstanceIds) {
        Authentication user = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            processInstanceIds.forEach(this::refresh);
        } finally {
            if (user != null) {
                identityService.setAuthentication(user);
            }
        }
    }

    void refresh(String processInstanceId) {
        procedures.findByProcessInstanceId(processInstanceId)
            .ifPresent(procedure -> {
                String oldPhase = procedure.getPhase();
                procedure.updateStatus(snapshot(procedure), clock.instant());
                procedures.save(procedure);
                if (!Objects.equals(oldPhase, procedure.getPhase())) {
                    // synchronous, so a listener's writes commit or roll back with this step
                    events.publishEvent(new ProcedurePhaseChanged(procedure.getId(), procedure.getTenantId(),
                        oldPhase, procedure.getPhase()));
                }
            });
    }

    private Procedure.StatusSnapshot snapshot(Procedure procedure) {
        String instanceId = procedure.getProcessInstanceId();
        if (runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count() == 0) {
            return endedSnapshot(instanceId);
        }
        ActivityInstance tree = runtimeService.getActivityInstance(instanceId);
        List<String[]> active = new ArrayList<>();
        collectLeaves(tree, active);
        String phase = active.stream().map(a -> a[1]).distinct().collect(Collectors.joining(" · "));
        String ids = active.stream().map(a -> a[0]).distinct().collect(Collectors.joining(","));

        List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(procedure.getBusinessKey())
            .tenantIdIn(procedure.getTenantId()).orderByDueDate().asc().list();
        List<Job> timers = managementService.createJobQuery().processInstanceId(instanceId).timers().list();

        Instant earliestTaskDue = tasks.stream().map(Task::getDueDate).filter(Objects::nonNull)
            .map(Date::toInstant).min(Comparator.naturalOrder()).orElse(null);
        Instant nextTimer = timers.stream().map(Job::getDuedate).filter(Objects::nonNull)
            .map(Date::toInstant).min(Comparator.naturalOrder()).orElse(null);
        Instant nextDeadline = Stream.of(earliestTaskDue, nextTimer).filter(Objects::nonNull)
            .min(Comparator.naturalOrder()).orElse(null);
        String openTasks = tasks.stream()
            .map(task -> task.getName() + " (" + (task.getAssignee() == null ? "nicht übernommen" : task.getAssignee())
                + ")")
            .collect(Collectors.joining("; "));
        return new Procedure.StatusSnapshot(phase, ids, nextDeadline, earliestTaskDue, tasks.size(), openTasks,
            false);
    }

    private Procedure.StatusSnapshot endedSnapshot(String instanceId) {
        HistoricProcessInstance history = historyService.createHistoricProcessInstanceQuery()
            .processInstanceId(instanceId).singleResult();
        String phase = "Abgeschlossen";
        if (history != null && history.getEndActivityId() != null) {
            FlowElement end = repositoryService.getBpmnModelInstance(history.getProcessDefinitionId())
                .getModelElementById(history.getEndActivityId());
            if (end != null && end.getName() != null) {
                phase = "Abgeschlossen: " + end.getName();
            }
        } else if (history != null && history.getDeleteReason() != null) {
            phase = "Abgebrochen";
        }
        return new Procedure.StatusSnapshot(phase, "", null, null, 0, "", true);
    }

    private static void collectLeaves(ActivityInstance instance, List<String[]> leaves) {
        for (TransitionInstance transition : instance.getChildTransitionInstances()) {
            leaves.add(new String[] {transition.getActivityId(), nameOf(transition.getActivityName(),
                transition.getActivityId())});
        }
        if (instance.getChildActivityInstances().length == 0 && instance.getChildTransitionInstances().length == 0
                && instance.getParentActivityInstanceId() != null) {
            String name = nameOf(instance.getActivityName(), instance.getActivityId());
            // a catch event's label names the event ("Sitzungsbeginn erreicht"); the phase is waiting for it
            if (isWaitingForEvent(instance.getActivityType())) {
                name = "Warten auf „" + name + "“";
            }
            leaves.add(new String[] {instance.getActivityId(), name});
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            collectLeaves(child, leaves);
        }
    }

    private static boolean isWaitingForEvent(String activityType) {
        return activityType != null && (activityType.startsWith("intermediate") || activityType.equals("receiveTask")
            || activityType.equals("eventBasedGateway"));
    }

    private static String nameOf(String name, String id) {
        return name == null || name.isBlank() ? id : name.replace('\n', ' ').trim();
    }
}
