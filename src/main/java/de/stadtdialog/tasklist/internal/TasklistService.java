package de.stadtdialog.tasklist.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.procedure.ProcedureRepository;
import de.stadtdialog.shared.StaffUser;
import de.stadtdialog.tasklist.FormSchema;

/**
 * The engine side of the tasklist. Commands and single-task reads run as the staff member ({@link EngineAsUser});
 * everything is restricted to that member's tenants. A list page costs a fixed number of queries whatever the
 * number of open tasks (counts, one page of tasks, their procedures, their assignees' names).
 */
@Service
class TasklistService {

    static final int PAGE_SIZE = 50;
    /** A procedure filter matching more procedures than this uses the first ones only. */
    static final int MAX_FILTER_PROCEDURES = 200;

    private static final Date LONG_AGO = Date.from(Instant.parse("1900-01-01T00:00:00Z"));

    private final TaskService taskService;
    private final FormService formService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final ProcedureRepository procedures;
    private final EngineAsUser engine;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    TasklistService(TaskService taskService, FormService formService, HistoryService historyService,
            IdentityService identityService, ProcedureRepository procedures, EngineAsUser engine,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.taskService = taskService;
        this.formService = formService;
        this.historyService = historyService;
        this.identityService = identityService;
        this.procedures = procedures;
        this.engine = engine;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    TaskPage list(StaffUser user, TaskFilter filter) {
        if (user.tenants().isEmpty()) {
            return new TaskPage(List.of(), 0L, 0, PAGE_SIZE, false, false);
        }
        List<String> businessKeys = null;
        boolean truncated = false;
        if (filter.procedure() != null) {
            Page<Procedure> matching = procedures.findAll(matching(user, filter.procedure()),
                PageRequest.of(0, MAX_FILTER_PROCEDURES, Sort.by(Sort.Direction.DESC, "id")));
            Set<String> keys = new LinkedHashSet<>();
            // also as typed: a process started elsewhere (Cockpit, REST) may have a business key but no procedure
            keys.add(filter.procedure());
            matching.forEach(procedure -> keys.add(procedure.getBusinessKey()));
            keys.remove(null);
            businessKeys = List.copyOf(keys);
            truncated = matching.getTotalElements() > MAX_FILTER_PROCEDURES;
        }
        List<String> keys = businessKeys;
        int first = filter.page() * PAGE_SIZE;
        // one row more than a page tells whether another page follows, without counting every open task
        int wanted = PAGE_SIZE + 1;
        // Not run as the member: the engine's per-task authorization check makes these queries about a hundred
        // times slower with thousands of open tasks (seconds per page on PostgreSQL). The filters below are the
        // same visibility the engine grants: candidate groups get READ on their tasks automatically, assignees
        // too, and only the member's tenants are asked for. Single tasks and every command do run as the member.
        List<Task> found = readOnly.execute(status -> {
            if (filter.order() == TaskFilter.Order.DUE) {
                // tasks with a due date first, then those without, so they come last on every database; the
                // count of the first part is needed only on a page that begins among the second part
                List<Task> tasks = new ArrayList<>(query(user, filter.view(), keys).dueAfter(LONG_AGO)
                    .orderByDueDate().asc().orderByTaskCreateTime().desc().orderByTaskId().asc()
                    .listPage(first, wanted));
                if (tasks.size() < wanted) {
                    long withDue = tasks.isEmpty() && first > 0
                        ? query(user, filter.view(), keys).dueAfter(LONG_AGO).count() : first + tasks.size();
                    tasks.addAll(query(user, filter.view(), keys).withoutDueDate().orderByTaskCreateTime().desc()
                        .orderByTaskId().asc().listPage((int) Math.max(0, first - withDue), wanted - tasks.size()));
                }
                return tasks;
            }
            TaskQuery ordered = query(user, filter.view(), keys).orderByTaskCreateTime();
            ordered = filter.order() == TaskFilter.Order.NEWEST ? ordered.desc() : ordered.asc();
            return ordered.orderByTaskId().asc().listPage(first, wanted);
        });
        boolean more = found.size() > PAGE_SIZE;
        List<Task> shown = more ? found.subList(0, PAGE_SIZE) : found;
        // past the last task (a stale link), the total is not known either
        Long total = more || (shown.isEmpty() && first > 0) ? null : (long) first + shown.size();
        return new TaskPage(rows(user, shown), total, filter.page(), PAGE_SIZE, more, truncated);
    }

    private TaskQuery query(StaffUser user, TaskFilter.View view, List<String> businessKeys) {
        TaskQuery query = taskService.createTaskQuery().active()
            .tenantIdIn(user.tenants().toArray(String[]::new));
        if (view == TaskFilter.View.MINE || user.groups().isEmpty()) {
            query.taskAssignee(user.id());
        } else if (view == TaskFilter.View.GROUPS) {
            query.or().taskAssignee(user.id()).taskCandidateGroupIn(user.groups()).endOr();
        } else {
            query.or().taskAssignee(user.id()).taskCandidateGroupIn(user.groups()).includeAssignedTasks().endOr();
        }
        if (businessKeys != null) {
            query.processInstanceBusinessKeyIn(businessKeys.toArray(String[]::new));
        }
        return query;
    }

    private static Specification<Procedure> matching(StaffUser user, String text) {
        String like = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
            .replace("_", "\\_") + "%";
        return (root, query, cb) -> cb.and(root.get("tenantId").in(user.tenants()),
            cb.or(cb.equal(root.get("businessKey"), text), cb.like(cb.lower(root.get("title")), like, '\\')));
    }

    /** The open task, if this member may see it. */
    Optional<TaskRow> find(StaffUser user, String taskId) {
        if (user.tenants().isEmpty()) {
            return Optional.empty();
        }
        Task task = engine.call(user, () -> taskService.createTaskQuery().taskId(taskId)
            .tenantIdIn(user.tenants().toArray(String[]::new)).initializeFormKeys().singleResult());
        return task == null ? Optional.empty() : Optional.of(rows(user, List.of(task)).get(0));
    }

    Map<String, Object> variables(StaffUser user, String taskId) {
        return engine.call(user, () -> new HashMap<>(taskService.getVariables(taskId)));
    }

    /** The task's Camunda Form; call only for {@link TaskRow.FormKind#CAMUNDA_FORM}. */
    FormSchema form(StaffUser user, String taskId) {
        String json = engine.call(user, () -> {
            try (InputStream in = formService.getDeployedTaskForm(taskId)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return FormSchema.parse(json);
    }

    /** @return the task's name */
    String claim(StaffUser user, String taskId) {
        return engine.call(user, () -> {
            Task task = openTask(taskId);
            if (!user.id().equals(task.getAssignee())) {
                taskService.claim(taskId, user.id());
            }
            return task.getName();
        });
    }

    /** @return the task's name */
    String unclaim(StaffUser user, String taskId) {
        return engine.call(user, () -> {
            Task task = openTask(taskId);
            if (!user.id().equals(task.getAssignee())) {
                throw new NotYourTaskException(taskId);
            }
            taskService.claim(taskId, null);
            return task.getName();
        });
    }

    record Completed(String taskName, String processInstanceId) {
    }

    /**
     * Claims the task if nobody has, and submits its form: one transaction, so a rejected form leaves the task
     * unclaimed as it was. Process listeners see the variables task-local as {@code submitTaskForm} sets them.
     *
     * @throws TaskAlreadyClaimedException if someone else works on it
     * @throws TaskGoneException if it is no longer open
     */
    Completed complete(StaffUser user, String taskId, Map<String, Object> variables) {
        return engine.call(user, () -> {
            Task task = openTask(taskId);
            if (task.getAssignee() == null) {
                taskService.claim(taskId, user.id());
            } else if (!task.getAssignee().equals(user.id())) {
                throw new TaskAlreadyClaimedException(taskId, task.getAssignee());
            }
            formService.submitTaskForm(taskId, variables);
            return new Completed(task.getName(), task.getProcessInstanceId());
        });
    }

    private Task openTask(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new TaskGoneException(taskId);
        }
        return task;
    }

    /** The next open task of the same process instance that this member has or may claim. */
    Optional<TaskRow> nextTask(StaffUser user, String processInstanceId) {
        if (processInstanceId == null || user.tenants().isEmpty()) {
            return Optional.empty();
        }
        // a list query like those of the list page: the same filters instead of the engine's authorization check
        List<Task> next = readOnly.execute(status -> query(user, TaskFilter.View.GROUPS, null)
            .processInstanceId(processInstanceId).orderByTaskCreateTime().asc().listPage(0, 1));
        return next.isEmpty() ? Optional.empty() : Optional.of(rows(user, next).get(0));
    }

    /** What became of a task that is not open (any more), as far as this member's tenants go. */
    Optional<HistoricTaskInstance> history(StaffUser user, String taskId) {
        if (user.tenants().isEmpty()) {
            return Optional.empty();
        }
        // the history is read without the member's authorizations: officers may not read history, but may learn
        // who finished a task they were working on
        return Optional.ofNullable(historyService.createHistoricTaskInstanceQuery().taskId(taskId)
            .tenantIdIn(user.tenants().toArray(String[]::new)).singleResult());
    }

    /** Full names of staff members by id; ids without a user stay as they are. */
    Map<String, String> displayNames(Collection<String> userIds) {
        List<String> ids = userIds.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            for (User u : identityService.createUserQuery().userIdIn(ids.toArray(String[]::new)).list()) {
                String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
                    + (u.getLastName() == null ? "" : u.getLastName())).trim();
                names.put(u.getId(), name.isEmpty() ? u.getId() : name);
            }
        }
        ids.forEach(id -> names.putIfAbsent(id, id));
        return names;
    }

    String displayName(String userId) {
        return userId == null ? null : displayNames(List.of(userId)).get(userId);
    }

    private List<TaskRow> rows(StaffUser user, List<Task> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull)
            .collect(Collectors.toSet());
        Map<String, Procedure> byInstance = instanceIds.isEmpty() ? Map.of()
            : procedures.findByProcessInstanceIdIn(instanceIds).stream()
                .collect(Collectors.toMap(Procedure::getProcessInstanceId, Function.identity(), (a, b) -> a));
        Map<String, String> names = displayNames(tasks.stream().map(Task::getAssignee).toList());
        Instant now = clock.instant();
        List<TaskRow> rows = new ArrayList<>();
        for (Task task : tasks) {
            Procedure procedure = task.getProcessInstanceId() == null ? null
                : byInstance.get(task.getProcessInstanceId());
            Instant due = TaskTimes.instant(task.getDueDate());
            rows.add(new TaskRow(task.getId(), task.getName(), task.getDescription(), task.getProcessInstanceId(),
                procedure == null ? null : procedure.getTitle(),
                procedure == null ? null : procedure.getBusinessKey(), procedure == null ? null : procedure.getPhase(),
                TaskTimes.instant(task.getCreateTime()), due, due != null && due.isBefore(now), task.getAssignee(),
                names.get(task.getAssignee()), user.id().equals(task.getAssignee()), formKind(task)));
        }
        return rows;
    }

    /** Form keys are only known for tasks queried with {@code initializeFormKeys()}. */
    private static TaskRow.FormKind formKind(Task task) {
        try {
            if (task.getCamundaFormRef() != null
                    || (task.getFormKey() != null && task.getFormKey().startsWith("camunda-forms:"))) {
                return TaskRow.FormKind.CAMUNDA_FORM;
            }
            return task.getFormKey() == null ? TaskRow.FormKind.NONE : TaskRow.FormKind.OTHER;
        } catch (RuntimeException notInitialized) {
            return TaskRow.FormKind.NONE;
        }
    }
}
