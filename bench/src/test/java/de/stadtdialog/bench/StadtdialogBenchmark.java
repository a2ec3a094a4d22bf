package de.stadtdialog.bench;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import de.stadtdialog.StadtdialogApplication;

/**
 * Runs the whole application once, on one fresh database, and measures (b) the tasklist and the procedure
 * overview over real HTTP with 1,000 procedures and 10,000 open tasks, then (a) session cycles through our
 * services against the same cycles through the bare engine. Not part of the build's tests: bench/README.md.
 */
class StadtdialogBenchmark {

    private static final double TARGET_CYCLE_RATIO = 0.8;
    private static final double TARGET_TASKLIST_P95_MS = 100;
    private static final double TARGET_DASHBOARD_P95_MS = 200;

    @Test
    void measure() throws Exception {
        Path buildDirectory = Path.of(System.getProperty("buildDirectory", "target"));
        int port = Integer.getInteger("bench.port", 8094);
        int procedures = Integer.getInteger("bench.procedures", 1000);
        int tasksPerProcedure = Integer.getInteger("bench.tasksPerProcedure", 10);
        int warmupRequests = Integer.getInteger("bench.warmupRequests", 50);
        int requests = Integer.getInteger("bench.requests", 200);
        int cycleWarmup = Integer.getInteger("bench.cycleWarmup", 100);
        int cycleRounds = Integer.getInteger("bench.cycleRounds", 5);
        int cyclesPerRound = Integer.getInteger("bench.cyclesPerRound", 200);
        String parts = System.getProperty("bench.parts", "pages,cycles");

        Report report = new Report();
        report.heading("Stadtdialog benchmark " + LocalDateTime.now().withNano(0));
        report.line(Machine.describe());
        report.line("Before start: %s", Machine.load());

        BenchDatabase database = BenchDatabase.configured(buildDirectory);
        database.reset();
        SqlCounter sql = new SqlCounter();
        List<String> args = new ArrayList<>(database.applicationArguments());
        args.addAll(List.of(
            "--server.port=" + port,
            // jobs and timers are executed by the benchmark, as in the tests
            "--camunda.bpm.job-execution.enabled=false",
            "--logging.level.root=WARN",
            "--logging.level.org.camunda.bpm.engine.jobexecutor=ERROR",
            // schema updates on an empty database warn about constraints they cannot drop yet
            "--logging.level.org.hibernate=ERROR",
            "--spring.main.banner-mode=off"));
        long bootStart = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StadtdialogApplication.class)
                .profiles("demo")
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(sql))
                .run(args.toArray(String[]::new))) {
            report.line("Database: %s", database.describe(app.getBean(DataSource.class)));
            report.line("Application started in %.1f s (demo profile, job executor off, port %d)",
                (System.nanoTime() - bootStart) / 1e9, port);

            if (parts.contains("pages")) {
            report.heading("(b) Pages with " + procedures + " procedures and " + procedures * tasksPerProcedure
                + " open tasks");
            OpenWorkload.Created created = new OpenWorkload(app).create(procedures, tasksPerProcedure, 50);
            report.line("Generated %d procedures, %d open tasks in total (%d assigned to officer) in %.1f s",
                created.procedures(), created.openTasks(), created.assignedToOfficer(), created.seconds());
            report.line("Before measuring: %s", Machine.load());
            PageBenchmarks pages = new PageBenchmarks(app, sql, "http://localhost:" + port, warmupRequests, requests);
            PageBenchmarks.Result tasklist = pages.tasklist();
            PageBenchmarks.Result dashboard = pages.dashboard();
            report.line("%d requests each after %d warm-up requests, sequential, one logged-in session per user; %s",
                requests, warmupRequests, Machine.load());
            pageLines(report, tasklist, TARGET_TASKLIST_P95_MS);
            pageLines(report, dashboard, TARGET_DASHBOARD_P95_MS);
            }
            if (parts.contains("cycles")) {

            report.heading("(a) Session cycles: our services vs. bare Camunda API");
            report.line("%d warm-up cycles per side, then %d rounds of %d cycles per side, alternating",
                cycleWarmup, cycleRounds, cyclesPerRound);
            SessionCycleThroughput throughput = new SessionCycleThroughput(app, sql);
            SessionCycleThroughput.Result cycles = throughput.run(app.getBean(ProcessEngine.class), cycleWarmup,
                cycleRounds, cyclesPerRound);
            report.line("After measuring: %s", Machine.load());
            report.line("(bare process: %d listeners of our engine plugin removed from its definition)",
                cycles.removedListeners());
            report.line("ours: median %.1f cycles/s, rounds %s", cycles.oursMedian(),
                Stats.list(cycles.oursPerSecond().stream().mapToDouble(Double::doubleValue).toArray()));
            report.line("bare: median %.1f cycles/s, rounds %s", cycles.bareMedian(),
                Stats.list(cycles.barePerSecond().stream().mapToDouble(Double::doubleValue).toArray()));
            report.line("ratio ours/bare: %.2f (target >= %.1f: %s)", cycles.ratio(), TARGET_CYCLE_RATIO,
                cycles.ratio() >= TARGET_CYCLE_RATIO ? "met" : "MISSED");
            report.line("SQL statements per cycle: ours %.1f, bare %.1f", cycles.oursStatementsPerInstance(),
                cycles.bareStatementsPerInstance());
            report.line("CPU time of the JVM per cycle: ours %.1f ms, bare %.1f ms (ratio of CPU cost bare/ours %.2f)",
                cycles.oursCpuMillisPerInstance(), cycles.bareCpuMillisPerInstance(),
                cycles.bareCpuMillisPerInstance() / cycles.oursCpuMillisPerInstance());
            report.line("per cycle and step:         %9s %9s %9s %9s", "ms ours", "ms bare", "SQL ours",
                "SQL bare");
            Map<String, Double> ours = cycles.stepMillisPerInstance().get(SessionCycleThroughput.Side.OURS);
            Map<String, Double> bare = cycles.stepMillisPerInstance().get(SessionCycleThroughput.Side.BARE);
            Map<String, Double> oursSql = cycles.stepStatementsPerInstance().get(SessionCycleThroughput.Side.OURS);
            Map<String, Double> bareSql = cycles.stepStatementsPerInstance().get(SessionCycleThroughput.Side.BARE);
            for (String step : ours.keySet()) {
                report.line("  %-24s %9.2f %9.2f %9.1f %9.1f", step, ours.get(step), bare.getOrDefault(step, 0.0),
                    oursSql.get(step), bareSql.getOrDefault(step, 0.0));
            }
            report.line("  %-24s %9.2f %9.2f %9.1f %9.1f", "total", sum(ours), sum(bare), sum(oursSql),
                sum(bareSql));
            if (Boolean.getBoolean("bench.traceSql")) {
                for (SessionCycleThroughput.Side side : SessionCycleThroughput.Side.values()) {
                    report.line("SQL of one cycle, %s:", side);
                    throughput.traceOneCycle(side).forEach(report::line);
                }
            }
            }
        }
        Path file = report.write(buildDirectory.resolve("bench-report-" + database.kind().name().toLowerCase()
            + ".txt"));
        System.out.println("Report written to " + file.toAbsolutePath());
    }

    private static double sum(Map<String, Double> values) {
        return values.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static void pageLines(Report report, PageBenchmarks.Result result, double targetP95) {
        report.line("%s %s: %s, %.1f SQL statements/request, JVM CPU %.1f ms/request, %d chars", result.name(),
            result.path(), result.page().stats(), result.page().statementsPerRequest(),
            result.page().cpuMillisPerRequest(), result.page().bytes());
        for (PageBenchmarks.Baseline baseline : result.baselines()) {
            report.line("  baseline %s: %s, %.1f SQL statements/call, JVM CPU %.1f ms/call", baseline.name(),
                baseline.measurement().stats(), baseline.measurement().statementsPerCall(),
                baseline.measurement().cpuMillisPerCall());
        }
        report.line("  page/baseline (median): %.1f×; p95 target <= %.0f ms: %s",
            result.page().stats().median() / result.baselines().get(0).measurement().stats().median(), targetP95,
            result.page().stats().p95() <= targetP95 ? "met" : "MISSED");
        if (!result.trace().isEmpty()) {
            report.line("  SQL of one request:");
            result.trace().forEach(statement -> report.line("    " + statement));
        }
    }
}
