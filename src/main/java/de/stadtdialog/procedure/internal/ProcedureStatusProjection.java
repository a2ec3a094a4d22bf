package de.stadtdialog.procedure.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
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
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ProcedureStatusProjection(ProcedureRepository procedures, IdentityService identityService,
            HistoryService historyService, RepositoryService repositoryService,
            ProcessEngineConfigurationImpl engineConfiguration, Clock clock, ApplicationEventPublisher events) {
        this.procedures = procedures;
        this.identityService = identityService;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.engineConfiguration = engineConfiguration;
        this.clock = clock;
        this.events = events;
    }

    /** Marks a root process instance as changed in the current transaction: its steps, tasks and timers. */
    void markChanged(String rootProcessInstanceId) {
        mark(rootProcessInstanceId, Change.STEPS);
    }

    /** Marks that only tasks of a root process instance changed (assignee, due date), not its steps. */
    void markTasksChanged(String rootProcessInstanceId) {
        mark(rootProcessInstanceId, Change.TASKS);
    }

    private void mark(String rootProcessInstanceId, Change change) {
        if (rootProcessInstanceId == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Change> dirty = (Map<String, Change>) TransactionSynchronizationManager.getResource(DIRTY_KEY);
        if (dirty == null) {
            Map<String, Change> changed = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(DIRTY_KEY, changed);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    // refreshing may itself run engine commands; copy to allow new marks meanwhile
                    refreshAsSystem(new LinkedHashMap<>(changed));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(DIRTY_KEY);
                }
            });
            dirty = changed;
        }
        dirty.merge(rootProcessInstanceId, change, Change::widest);
    }

    /**
     * The read model describes the whole procedure, whoever caused the change: a user logged into the engine
     * (Camunda Tasklist, REST) may not be allowed to read the instance, and would make it look ended. So the
     * engine's authorization checks are lifted for the refresh, and the user's login restored afterwards.
     */
    private void refreshAsSystem(Map<String, Change> changes) {
        Authentication user = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            changes.forEach(this::refresh);
        } finally {
            if (user != null) {
                identityService.setAuthentication(user);
            }
        }
    }

    void refresh(String processInstanceId) {
        refresh(processInstanceId, Change.STEPS);
    }

    private void refresh(String processInstanceId, Change change) {
        procedures.findByProcessInstanceId(processInstanceId)
            .ifPresent(procedure -> {
                String oldPhase = procedure.getPhase();
                Procedure.StatusSnapshot snapshot = change == Change.TASKS && !procedure.isEnded()
                    ? tasksSnapshot(procedure) : snapshot(procedure);
                if (procedure.updateStatus(snapshot, clock.instant())) {
                    procedures.save(procedure);
                }
                if (!Objects.equals(oldPhase, procedure.getPhase())) {
                    // synchronous, so a listener's writes commit or roll back with this step
                    events.publishEvent(new ProcedurePhaseChanged(procedure.getId(), procedure.getTenantId(),
                        oldPhase, procedure.getPhase()));
                }
            });
    }

    /** Joins the running transaction, the one the step runs in. */
    private CommandExecutor commands() {
        return engineConfiguration.getCommandExecutorTxRequired();
    }

    private Procedure.StatusSnapshot snapshot(Procedure procedure) {
        String instanceId = procedure.getProcessInstanceId();
        ProcessStatusReading.Reading reading = commands().execute(ProcessStatusReading.command(instanceId));
        if (reading == null) {
            return endedSnapshot(instanceId);
        }
        String phase = reading.steps().stream().map(ProcessStatusReading.ActiveStep::label).distinct()
            .collect(Collectors.joining(" · "));
        String ids = reading.steps().stream().map(ProcessStatusReading.ActiveStep::activityId).distinct()
            .collect(Collectors.joining(","));
        return withTasks(phase, ids, reading.tasks(), reading.nextTimer());
    }

    private Procedure.StatusSnapshot tasksSnapshot(Procedure procedure) {
        ProcessStatusReading.TaskReading reading = commands().execute(
            ProcessStatusReading.tasksOnly(procedure.getProcessInstanceId()));
        return withTasks(procedure.getPhase(), procedure.getActiveActivityIds(), reading.tasks(),
            reading.nextTimer());
    }

    private static Procedure.StatusSnapshot withTasks(String phase, String activityIds,
            List<ProcessStatusReading.OpenTask> tasks, Instant nextTimer) {
        Instant earliestTaskDue = tasks.stream().map(ProcessStatusReading.OpenTask::due).filter(Objects::nonNull)
            .min(Comparator.naturalOrder()).orElse(null);
        Instant nextDeadline = Stream.of(earliestTaskDue, nextTimer).filter(Objects::nonNull)
            .min(Comparator.naturalOrder()).orElse(null);
        String openTasks = tasks.stream()
            .map(task -> task.name() + " (" + (task.assignee() == null ? "nicht übernommen" : task.assignee()) + ")")
            .collect(Collectors.joining("; "));
        return new Procedure.StatusSnapshot(phase, activityIds, nextDeadline, earliestTaskDue, tasks.size(),
            openTasks, false);
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

    enum Change {
        /** only open tasks (assignee, due date) */
        TASKS,
        /** steps, tasks and timers */
        STEPS;

        static Change widest(Change a, Change b) {
            return a == STEPS || b == STEPS ? STEPS : TASKS;
        }
    }
}
