package de.stadtdialog.procedure.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.impl.cmd.GetActivityInstanceCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;

/**
 * Reads what a procedure's status is made of (active steps, open tasks, pending timers) in one engine command,
 * following call activities into the processes they called. One command with the engine's simple lookups by
 * process instance costs a fraction of the public query API (whose dynamic SQL is rebuilt on every call), and
 * the read model is refreshed after every step of every procedure.
 */
final class ProcessStatusReading {

    /** An active step: its id and its label in plain words. */
    record ActiveStep(String activityId, String label) {
    }

    /** One open task, or {@code count} alike tasks of companion processes (then without an id). */
    record OpenTask(String id, String name, String assignee, Instant due, Instant created, int count) {

        OpenTask(String id, String name, String assignee, Instant due, Instant created) {
            this(id, name, assignee, due, created, 1);
        }
    }

    /** Where the process stands; {@code null} from {@link #command} when the instance has ended. */
    record Reading(List<ActiveStep> steps, List<OpenTask> tasks, Instant nextTimer) {

        Instant earliestTaskDue() {
            return tasks.stream().map(OpenTask::due).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
        }
    }

    /** Only the parts a task event can change (its assignee, due date, name), not the steps. */
    record TaskReading(List<OpenTask> tasks, Instant nextTimer) {
    }

    static final Comparator<OpenTask> BY_DUE_THEN_CREATED = Comparator
        .comparing(OpenTask::due, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(OpenTask::created, Comparator.nullsLast(Comparator.naturalOrder()));

    private ProcessStatusReading() {
    }

    static Command<Reading> command(String processInstanceId) {
        return context -> {
            ActivityInstance tree = new GetActivityInstanceCmd(processInstanceId).execute(context);
            if (tree == null) {
                return null;
            }
            List<ActiveStep> steps = new ArrayList<>();
            List<OpenTask> tasks = new ArrayList<>();
            List<Instant> timers = new ArrayList<>();
            read(context, processInstanceId, tree, "", steps, tasks, timers, 0);
            tasks.sort(BY_DUE_THEN_CREATED);
            return new Reading(steps, tasks, timers.stream().min(Comparator.naturalOrder()).orElse(null));
        };
    }

    static Command<TaskReading> tasksOnly(String processInstanceId) {
        return context -> {
            List<OpenTask> tasks = new ArrayList<>();
            List<Instant> timers = new ArrayList<>();
            readTasksAndTimers(context, processInstanceId, tasks, timers);
            tasks.sort(BY_DUE_THEN_CREATED);
            return new TaskReading(tasks, timers.stream().min(Comparator.naturalOrder()).orElse(null));
        };
    }

    private static void read(CommandContext context, String processInstanceId, ActivityInstance tree, String prefix,
            List<ActiveStep> steps, List<OpenTask> tasks, List<Instant> timers, int depth) {
        readTasksAndTimers(context, processInstanceId, tasks, timers);
        List<ActivityInstance> leaves = new ArrayList<>();
        collectLeaves(tree, prefix, steps, leaves);
        for (ActivityInstance leaf : leaves) {
            if (!"callActivity".equals(leaf.getActivityType()) || depth > 10) {
                continue;
            }
            // the called process is where the work happens; its steps describe the phase better
            for (String executionId : leaf.getExecutionIds()) {
                ExecutionEntity called = context.getExecutionManager().findSubProcessInstanceBySuperExecutionId(
                    executionId);
                if (called == null) {
                    continue;
                }
                ActivityInstance calledTree = new GetActivityInstanceCmd(called.getId()).execute(context);
                if (calledTree != null) {
                    steps.removeIf(step -> step.activityId().equals(leaf.getActivityId()));
                    read(context, called.getId(), calledTree, prefix + label(leaf) + ": ", steps, tasks, timers,
                        depth + 1);
                }
            }
        }
    }

    private static void readTasksAndTimers(CommandContext context, String processInstanceId, List<OpenTask> tasks,
            List<Instant> timers) {
        for (TaskEntity task : context.getTaskManager().findTasksByProcessInstanceId(processInstanceId)) {
            tasks.add(new OpenTask(task.getId(), task.getName(), task.getAssignee(), instant(task.getDueDate()),
                instant(task.getCreateTime())));
        }
        for (JobEntity job : context.getJobManager().findJobsByProcessInstanceId(processInstanceId)) {
            if (job instanceof TimerEntity && job.getDuedate() != null) {
                timers.add(job.getDuedate().toInstant());
            }
        }
    }

    private static void collectLeaves(ActivityInstance instance, String prefix, List<ActiveStep> steps,
            List<ActivityInstance> leaves) {
        for (TransitionInstance transition : instance.getChildTransitionInstances()) {
            steps.add(new ActiveStep(transition.getActivityId(),
                prefix + nameOf(transition.getActivityName(), transition.getActivityId())));
        }
        if (instance.getChildActivityInstances().length == 0 && instance.getChildTransitionInstances().length == 0
                && instance.getParentActivityInstanceId() != null) {
            steps.add(new ActiveStep(instance.getActivityId(), prefix + label(instance)));
            leaves.add(instance);
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            collectLeaves(child, prefix, steps, leaves);
        }
    }

    private static String label(ActivityInstance instance) {
        String name = nameOf(instance.getActivityName(), instance.getActivityId());
        // a catch event's label names the event ("Sitzungsbeginn erreicht"); the phase is waiting for it
        return isWaitingForEvent(instance.getActivityType()) ? "Warten auf „" + name + "“" : name;
    }

    private static boolean isWaitingForEvent(String activityType) {
        return activityType != null && (activityType.startsWith("intermediate") || activityType.equals("receiveTask")
            || activityType.equals("eventBasedGateway"));
    }

    private static String nameOf(String name, String id) {
        return name == null || name.isBlank() ? id : name.replace('\n', ' ').trim();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
