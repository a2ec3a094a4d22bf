package de.stadtdialog.procedure.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.hibernate.engine.spi.SessionImplementor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
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
    /** Prefix of a mark by business key ("companion:tenant/key") rather than by the procedure's instance id. */
    private static final String COMPANION = "companion:";

    private final ProcedureRepository procedures;
    private final IdentityService identityService;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;

    ProcedureStatusProjection(ProcedureRepository procedures, IdentityService identityService,
            HistoryService historyService, RepositoryService repositoryService,
            ProcessEngineConfigurationImpl engineConfiguration, Clock clock, ApplicationEventPublisher events,
            JdbcTemplate jdbc, EntityManager entityManager) {
        this.procedures = procedures;
        this.identityService = identityService;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.engineConfiguration = engineConfiguration;
        this.clock = clock;
        this.events = events;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
    }

    /** Marks a root process instance as changed in the current transaction: its steps, tasks and timers. */
    void markChanged(String rootProcessInstanceId) {
        mark(rootProcessInstanceId, Change.STEPS);
    }

    /**
     * As {@link #markChanged(String)}; an instance that is not a procedure's own process but carries a procedure's
     * business key (a companion, e.g. the moderation of one comment) changes that procedure's open tasks.
     */
    void markChanged(String rootProcessInstanceId, String businessKey, String tenantId) {
        mark(rootProcessInstanceId, Change.STEPS);
        if (businessKey != null && tenantId != null) {
            mark(companionMark(tenantId, businessKey), Change.TASKS);
        }
    }

    /** Marks that only tasks of a root process instance changed (assignee, due date), not its steps. */
    void markTasksChanged(String rootProcessInstanceId, String businessKey, String tenantId) {
        mark(rootProcessInstanceId, Change.TASKS);
        if (businessKey != null && tenantId != null) {
            mark(companionMark(tenantId, businessKey), Change.TASKS);
        }
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
            Set<String> refreshed = new HashSet<>();
            changes.forEach((mark, change) -> {
                if (!mark.startsWith(COMPANION)) {
                    refresh(mark, change).ifPresent(procedure -> refreshed.add(companionMark(procedure)));
                }
            });
            changes.forEach((mark, change) -> {
                if (mark.startsWith(COMPANION) && !refreshed.contains(mark)) {
                    refresh(mark, change);
                }
            });
        } finally {
            if (user != null) {
                identityService.setAuthentication(user);
            }
        }
    }

    void refresh(String processInstanceId) {
        refresh(processInstanceId, Change.STEPS);
    }

    private Optional<Procedure> refresh(String mark, Change change) {
        Optional<Procedure> found;
        if (mark.startsWith(COMPANION)) {
            String[] tenantAndKey = mark.substring(COMPANION.length()).split("/", 2);
            found = locked(procedure -> tenantAndKey[1].equals(procedure.getBusinessKey())
                    && tenantAndKey[0].equals(procedure.getTenantId()),
                "p.businessKey = :key and p.tenantId = :tenant", Map.of("key", tenantAndKey[1], "tenant",
                    tenantAndKey[0]));
        } else {
            // a procedure's own steps follow each other (the engine serialises them on the process instance), so
            // the optimistic version check is enough here and the session cycle keeps its pace
            found = procedures.findByProcessInstanceId(mark);
        }
        found = found.filter(procedure -> procedure.getProcessInstanceId() != null);
        found.ifPresent(procedure -> {
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
        return found;
    }

    /**
     * The procedure row locked until this transaction ends, as it stands then, for changes of its companions. Two
     * transactions that change one procedure's companions at once (two citizens' comments, each starting its
     * moderation) would otherwise both compute the read model from their own view of the tasks, and the later one
     * would fail on the version check: a citizen's comment lost to an error page. Locked, the later one waits for the earlier one's commit and then counts its tasks too;
     * the lock is held only from here to the commit. One statement either way: a procedure this transaction already
     * holds (e.g. the comment's service looked it up) is read again with the lock, any other is queried with it.
     */
    private Optional<Procedure> locked(Predicate<Procedure> held, String condition,
            Map<String, Object> parameters) {
        for (Object entity : entityManager.unwrap(SessionImplementor.class).getPersistenceContextInternal()
                .getEntitiesByKey().values()) {
            if (entity instanceof Procedure procedure && held.test(procedure)) {
                entityManager.flush(); // the refresh would otherwise drop this transaction's own changes
                entityManager.refresh(procedure, LockModeType.PESSIMISTIC_WRITE);
                return Optional.of(procedure);
            }
        }
        TypedQuery<Procedure> query = entityManager.createQuery("select p from Procedure p where " + condition,
            Procedure.class).setLockMode(LockModeType.PESSIMISTIC_WRITE);
        parameters.forEach(query::setParameter);
        return query.getResultList().stream().findFirst();
    }

    private static String companionMark(String tenantId, String businessKey) {
        return COMPANION + tenantId + "/" + businessKey;
    }

    private static String companionMark(Procedure procedure) {
        return companionMark(procedure.getTenantId(), procedure.getBusinessKey());
    }

    /**
     * Open tasks of other processes that carry the procedure's business key (companions such as the moderation of
     * each comment), grouped by name and assignee: a draft with hundreds of comments waiting for moderation gives a
     * handful of rows ("12 × Kommentar moderieren"), not hundreds, on every refresh. Instances the procedure's own
     * process called are left out: their tasks are among its own already.
     */
    private List<ProcessStatusReading.OpenTask> companionTasks(Procedure procedure) {
        return jdbc.query("select T.NAME_, T.ASSIGNEE_, count(*), min(T.DUE_DATE_), min(T.CREATE_TIME_)"
                + " from ACT_RU_TASK T join ACT_RU_EXECUTION E on E.ID_ = T.PROC_INST_ID_"
                + " where E.BUSINESS_KEY_ = ? and E.TENANT_ID_ = ? and E.ID_ <> ?"
                + " and (E.ROOT_PROC_INST_ID_ is null or E.ROOT_PROC_INST_ID_ <> ?)"
                + " group by T.NAME_, T.ASSIGNEE_",
            (row, n) -> {
                int count = row.getInt(3);
                return new ProcessStatusReading.OpenTask(null, row.getString(1), row.getString(2),
                    instant(row.getTimestamp(4)), instant(row.getTimestamp(5)), count);
            },
            procedure.getBusinessKey(), procedure.getTenantId(), procedure.getProcessInstanceId(),
            procedure.getProcessInstanceId());
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The tasks of the procedure's process (and the processes it called) and of its companions. */
    private List<ProcessStatusReading.OpenTask> allTasks(Procedure procedure,
            List<ProcessStatusReading.OpenTask> ownTasks) {
        List<ProcessStatusReading.OpenTask> companions = companionTasks(procedure);
        if (companions.isEmpty()) {
            return ownTasks;
        }
        return Stream.concat(ownTasks.stream(), companions.stream()).sorted(ProcessStatusReading.BY_DUE_THEN_CREATED)
            .toList();
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
        return withTasks(phase, ids, allTasks(procedure, reading.tasks()), reading.nextTimer());
    }

    private Procedure.StatusSnapshot tasksSnapshot(Procedure procedure) {
        ProcessStatusReading.TaskReading reading = commands().execute(
            ProcessStatusReading.tasksOnly(procedure.getProcessInstanceId()));
        return withTasks(procedure.getPhase(), procedure.getActiveActivityIds(), allTasks(procedure, reading.tasks()),
            reading.nextTimer());
    }

    private static Procedure.StatusSnapshot withTasks(String phase, String activityIds,
            List<ProcessStatusReading.OpenTask> tasks, Instant nextTimer) {
        Instant earliestTaskDue = tasks.stream().map(ProcessStatusReading.OpenTask::due).filter(Objects::nonNull)
            .min(Comparator.naturalOrder()).orElse(null);
        Instant nextDeadline = Stream.of(earliestTaskDue, nextTimer).filter(Objects::nonNull)
            .min(Comparator.naturalOrder()).orElse(null);
        String openTasks = tasks.stream()
            .map(task -> (task.count() > 1 ? task.count() + " × " : "") + task.name() + " ("
                + (task.assignee() == null ? "nicht übernommen" : task.assignee()) + ")")
            .collect(Collectors.joining("; "));
        return new Procedure.StatusSnapshot(phase, activityIds, nextDeadline, earliestTaskDue,
            tasks.stream().mapToInt(ProcessStatusReading.OpenTask::count).sum(), openTasks, false);
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
