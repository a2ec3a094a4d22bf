package de.stadtdialog.bench;

import static de.stadtdialog.sessioncycle.SessionCycleProcess.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.sessioncycle.NoticePeriod;
import de.stadtdialog.sessioncycle.SessionCycleService;
import de.stadtdialog.sessioncycle.SessionCycleService.PlanSession;

/**
 * The data for the page benchmark: procedures planned through {@link SessionCycleService#plan} (so procedure
 * row, session row, read model and the first task are what the application makes), and more open tasks in the
 * same process instances through process instance modification, all in batches of one transaction each. Every
 * procedure ends up with the same number of open tasks, spread over the three task kinds an officer sees.
 */
final class OpenWorkload {

    private static final String[] EXTRA_TASKS = {TASK_RECORD_SESSION, TASK_APPROVE_MINUTES, TASK_DRAFT_AGENDA};

    private final SessionCycleService sessionCycle;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final TransactionTemplate transaction;
    private final Clock clock;

    record Created(int procedures, long openTasks, long assignedToOfficer, double seconds) {
    }

    OpenWorkload(ApplicationContext context) {
        this.sessionCycle = context.getBean(SessionCycleService.class);
        this.runtimeService = context.getBean(RuntimeService.class);
        this.taskService = context.getBean(TaskService.class);
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.clock = context.getBean(Clock.class);
    }

    Created create(int procedures, int tasksPerProcedure, int batchSize) {
        long start = System.nanoTime();
        List<Procedure> planned = new ArrayList<>(procedures);
        Instant now = clock.instant();
        for (int from = 0; from < procedures; from += batchSize) {
            int first = from;
            int last = Math.min(procedures, from + batchSize);
            transaction.executeWithoutResult(status -> {
                for (int i = first; i < last; i++) {
                    // sessions spread over the coming months, so deadlines and due dates differ
                    Instant startsAt = now.plus(Duration.ofDays(10 + i % 120)).plus(Duration.ofMinutes(17L * i));
                    planned.add(sessionCycle.plan(new PlanSession(SessionCycleThroughput.TENANT,
                        i % 2 == 0 ? "Arbeitskreis Leitlinien für Bürgerbeteiligung" : "Beteiligungsbeirat",
                        "Lastprofil-Sitzung " + (i + 1), startsAt, "Rathaus, Großer Ratssaal",
                        NoticePeriod.DEFAULT, "ak-mitglied1@example.org\nbeirat@example.org")));
                }
            });
        }
        long assigned = 0;
        for (int from = 0; from < planned.size(); from += batchSize) {
            List<Procedure> batch = planned.subList(from, Math.min(planned.size(), from + batchSize));
            assigned += transaction.execute(status -> {
                long officerTasks = 0;
                for (Procedure procedure : batch) {
                    ProcessInstanceModificationBuilder modification = runtimeService
                        .createProcessInstanceModification(procedure.getProcessInstanceId());
                    for (int t = 1; t < tasksPerProcedure; t++) {
                        modification.startBeforeActivity(EXTRA_TASKS[t % EXTRA_TASKS.length]);
                    }
                    modification.execute();
                    // one task per procedure is already taken by the officer, as on a real desk
                    Task first = taskService.createTaskQuery().processInstanceId(procedure.getProcessInstanceId())
                        .taskDefinitionKey(TASK_RECORD_SESSION).listPage(0, 1).stream().findFirst().orElse(null);
                    if (first != null) {
                        taskService.setAssignee(first.getId(), "officer");
                        officerTasks++;
                    }
                }
                return officerTasks;
            });
        }
        long open = taskService.createTaskQuery().count();
        return new Created(planned.size(), open, assigned, (System.nanoTime() - start) / 1e9);
    }
}
