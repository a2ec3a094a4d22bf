package de.stadtdialog.bench;

import static de.stadtdialog.sessioncycle.SessionCycleProcess.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

import de.stadtdialog.procedure.ProcedureService;
import de.stadtdialog.sessioncycle.NoticePeriod;
import de.stadtdialog.sessioncycle.SessionCycleService;
import de.stadtdialog.sessioncycle.SessionCycleService.PlanSession;

/**
 * Benchmark (a): session cycles from planning to published minutes, once through our services (listeners,
 * delegates, mails into the outbox, procedure projection) and once through the bare engine API with the stripped
 * copy of the process. Both sides do the same engine calls in the same order, one transaction per call, as a
 * clerk and the job executor would: start, claim and submit three task forms, execute two async jobs and the
 * session timer.
 */
final class SessionCycleThroughput {

    static final String TENANT = "kaiserslautern";
    private static final String RECIPIENTS = "ak-mitglied1@example.org\nak-mitglied2@example.org\nbeirat@example.org";

    private final SessionCycleService sessionCycle;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final FormService formService;
    private final ManagementService managementService;
    private final HistoryService historyService;
    private final Clock clock;
    private final SqlCounter sql;
    private int sequence;

    /** Nanoseconds and SQL statements per step, summed over the measured rounds; keys in execution order. */
    private final Map<Side, Map<String, Long>> stepNanos = new HashMap<>();
    private final Map<Side, Map<String, Long>> stepStatements = new HashMap<>();

    enum Side {
        OURS, BARE
    }

    record Result(List<Double> oursPerSecond, List<Double> barePerSecond, double oursStatementsPerInstance,
            double bareStatementsPerInstance, Map<Side, Map<String, Double>> stepMillisPerInstance,
            Map<Side, Map<String, Double>> stepStatementsPerInstance, double oursCpuMillisPerInstance,
            double bareCpuMillisPerInstance, int instancesPerRound, int removedListeners) {

        double oursMedian() {
            return Stats.medianOf(oursPerSecond);
        }

        double bareMedian() {
            return Stats.medianOf(barePerSecond);
        }

        double ratio() {
            return oursMedian() / bareMedian();
        }
    }

    SessionCycleThroughput(ApplicationContext context, SqlCounter sql) {
        this.sessionCycle = context.getBean(SessionCycleService.class);
        ProcessEngine engine = context.getBean(ProcessEngine.class);
        this.runtimeService = engine.getRuntimeService();
        this.taskService = engine.getTaskService();
        this.formService = engine.getFormService();
        this.managementService = engine.getManagementService();
        this.historyService = engine.getHistoryService();
        this.clock = context.getBean(Clock.class);
        this.sql = sql;
    }

    Result run(ProcessEngine engine, int warmupInstances, int rounds, int instancesPerRound) {
        int removed = BareSessionCycle.deployWithoutApplicationListeners(engine);
        round(Side.OURS, warmupInstances, false);
        round(Side.BARE, warmupInstances, false);
        stepNanos.clear();
        stepStatements.clear();
        List<Double> ours = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        long oursStatements = 0;
        long bareStatements = 0;
        long oursCpu = 0;
        long bareCpu = 0;
        for (int r = 0; r < rounds; r++) {
            // alternating, so a slow phase of the machine (GC, disk) hits both sides alike
            long before = sql.count();
            long cpu = Machine.processCpuNanos();
            ours.add(round(Side.OURS, instancesPerRound, true));
            oursCpu += Machine.processCpuNanos() - cpu;
            oursStatements += sql.count() - before;
            before = sql.count();
            cpu = Machine.processCpuNanos();
            bare.add(round(Side.BARE, instancesPerRound, true));
            bareCpu += Machine.processCpuNanos() - cpu;
            bareStatements += sql.count() - before;
            System.out.printf("  round %d: ours %.1f/s, bare %.1f/s%n", r + 1, ours.get(r), bare.get(r));
        }
        int measured = rounds * instancesPerRound;
        return new Result(ours, bare, (double) oursStatements / measured, (double) bareStatements / measured,
            perInstance(stepNanos, 1e6 * measured), perInstance(stepStatements, measured), oursCpu / 1e6 / measured,
            bareCpu / 1e6 / measured, instancesPerRound, removed);
    }

    private static Map<Side, Map<String, Double>> perInstance(Map<Side, Map<String, Long>> totals, double divisor) {
        Map<Side, Map<String, Double>> result = new HashMap<>();
        totals.forEach((side, steps) -> {
            Map<String, Double> perInstance = new LinkedHashMap<>();
            steps.forEach((step, total) -> perInstance.put(step, total / divisor));
            result.put(side, perInstance);
        });
        return result;
    }

    /** @return instances per second */
    private double round(Side side, int instances, boolean measured) {
        List<String> started = new ArrayList<>(instances);
        long start = System.nanoTime();
        for (int i = 0; i < instances; i++) {
            started.add(cycle(side, measured));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long finished = historyService.createHistoricProcessInstanceQuery().processInstanceIds(Set.copyOf(started))
            .completed().count();
        if (finished != instances) {
            throw new IllegalStateException(side + ": only " + finished + " of " + instances + " cycles ended");
        }
        return instances / seconds;
    }

    /** One more cycle of the side with the text of every SQL statement, per step in order. */
    List<String> traceOneCycle(Side side) {
        Step step = new Step(side, false);
        step.trace = new ArrayList<>();
        cycle(step);
        return step.trace;
    }

    private String cycle(Side side, boolean measured) {
        return cycle(new Step(side, measured));
    }

    private String cycle(Step step) {
        Side side = step.side;
        int n = ++sequence;
        Instant startsAt = clock.instant().plus(Duration.ofDays(30)).plusSeconds(n * 60L);
        String instanceId = step.time("start", () -> side == Side.OURS ? startOurs(n, startsAt) : startBare(n, startsAt));

        Task agenda = step.time("task query", () -> openTask(instanceId));
        step.time("claim", () -> claim(agenda, "officer"));
        step.time("submit agenda", () -> submit(agenda, Map.of("sessionFormat", "in-person",
            "location", "Rathaus, Großer Ratssaal",
            "agenda", "TOP 1: Begrüßung\nTOP 2: Bericht der Koordinationsstelle\nTOP 3: Verschiedenes")));

        executeJob(step, instanceId, "execute invitation job");
        executeJob(step, instanceId, "execute session timer");

        Task record = step.time("task query", () -> openTask(instanceId));
        step.time("claim", () -> claim(record, "officer"));
        step.time("submit minutes", () -> submit(record, Map.of("attendeeCount", 9, "quorate", true,
            "attendance", "Frau Schneider (Verwaltung), 8 Mitglieder des Arbeitskreises",
            "minutes", "TOP 1: Begrüßung\nTOP 2: Bericht – zur Kenntnis genommen\nTOP 3: keine Wortmeldungen")));

        Task approve = step.time("task query", () -> openTask(instanceId));
        step.time("claim", () -> claim(approve, "coordination"));
        step.time("submit approval", () -> submit(approve, Map.of(VAR_MINUTES_DECISION, DECISION_APPROVE,
            "reviewComment", "")));

        executeJob(step, instanceId, "execute publication job");
        return instanceId;
    }

    private String startOurs(int n, Instant startsAt) {
        return sessionCycle.plan(new PlanSession(TENANT, "Arbeitskreis Benchmark", "Benchmark-Sitzung " + n,
            startsAt, "Rathaus, Großer Ratssaal", NoticePeriod.DEFAULT, RECIPIENTS)).getProcessInstanceId();
    }

    /** The same variables our plan() sets, with ids that point nowhere. */
    private String startBare(int n, Instant startsAt) {
        NoticePeriod notice = NoticePeriod.parse(NoticePeriod.DEFAULT);
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_SESSION_ID, (long) -n);
        variables.put(VAR_NOTICE_PERIOD, notice.iso());
        variables.put(VAR_INVITATION_DEADLINE, Date.from(notice.invitationDeadline(startsAt)));
        variables.put(VAR_SESSION_STARTS_AT, Date.from(startsAt));
        variables.put(VAR_MINUTES_DUE, Date.from(NoticePeriod.minutesDue(startsAt)));
        variables.put(ProcedureService.PROCEDURE_ID, (long) -n);
        variables.put(ProcedureService.TENANT_ID, TENANT);
        return runtimeService.createProcessInstanceByKey(BareSessionCycle.PROCESS_ID)
            .processDefinitionWithoutTenantId().businessKey("bare-" + n).setVariables(variables).execute()
            .getProcessInstanceId();
    }

    private Task openTask(String instanceId) {
        return taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    }

    private Object claim(Task task, String user) {
        taskService.claim(task.getId(), user);
        return null;
    }

    private Object submit(Task task, Map<String, Object> values) {
        formService.submitTaskForm(task.getId(), values);
        return null;
    }

    private void executeJob(Step step, String instanceId, String name) {
        Job job = step.time("job query",
            () -> managementService.createJobQuery().processInstanceId(instanceId).singleResult());
        step.time(name, () -> {
            managementService.executeJob(job.getId());
            return null;
        });
    }

    /** Adds the time of each step of one cycle to the totals of its side. */
    private final class Step {

        private final Side side;
        private final boolean measured;
        private List<String> trace;

        Step(Side side, boolean measured) {
            this.side = side;
            this.measured = measured;
        }

        <T> T time(String name, Supplier<T> action) {
            long statements = sql.count();
            if (trace != null) {
                sql.startTrace();
            }
            long start = System.nanoTime();
            T result = action.get();
            if (trace != null) {
                List<String> statementsOfStep = sql.stopTrace();
                trace.add("-- " + name + ": " + statementsOfStep.size() + " statements");
                statementsOfStep.forEach(statement -> trace.add("   " + statement));
            }
            if (measured) {
                stepNanos.computeIfAbsent(side, s -> new LinkedHashMap<>()).merge(name, System.nanoTime() - start,
                    Long::sum);
                stepStatements.computeIfAbsent(side, s -> new LinkedHashMap<>()).merge(name,
                    sql.count() - statements, Long::sum);
            }
            return result;
        }
    }
}
