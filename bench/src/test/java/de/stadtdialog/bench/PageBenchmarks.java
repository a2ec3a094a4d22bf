package de.stadtdialog.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark (b): our pages over HTTP, each next to the query underneath it run directly, so the report shows
 * what the page adds to its query (rendering, security, session, mapping).
 */
final class PageBenchmarks {

    private static final String PASSWORD = "demo";

    private static final Date LONG_AGO = Date.from(Instant.parse("1900-01-01T00:00:00Z"));

    private final ProcessEngine engine;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final SqlCounter sql;
    private final String baseUrl;
    private final int warmup;
    private final int requests;

    /** A page and the queries underneath it; the first baseline is the one the page is compared with. */
    record Result(String name, String path, PageLoad.Measurement page, List<Baseline> baselines,
            List<String> trace) {
    }

    record Baseline(String name, Timing.Measurement measurement) {
    }

    PageBenchmarks(ApplicationContext context, SqlCounter sql, String baseUrl, int warmup, int requests) {
        this.engine = context.getBean(ProcessEngine.class);
        this.dataSource = context.getBean(DataSource.class);
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.sql = sql;
        this.baseUrl = baseUrl;
        this.warmup = warmup;
        this.requests = requests;
    }

    /**
     * The officer's task list in its default view (own tasks and unclaimed tasks of the officer's groups, earliest
     * due first), against the engine queries the page is built on, in one transaction: count of tasks with due
     * date, count of tasks without, first 50 with due date. The page runs them without the engine's per-task
     * authorization check (its filters are the visibility rule); the second baseline runs the same queries as
     * the officer with that check, as the page did at first, with fewer calls because each takes seconds on
     * PostgreSQL ({@code bench.authorizedCalls}).
     */
    Result tasklist() throws IOException, InterruptedException {
        PageLoad browser = PageLoad.loggedIn(baseUrl, "officer", PASSWORD, sql);
        PageLoad.Measurement page = browser.measure("/aufgaben", warmup, requests,
            body -> occurrences(body, "class=\"task-row") == 50);
        Timing.Measurement asThePageRunsThem = Timing.measure(sql, warmup, requests,
            () -> transaction.executeWithoutResult(status -> officersTasks()));
        int authorizedCalls = Integer.getInteger("bench.authorizedCalls", 20);
        Timing.Measurement withAuthorizationCheck = Timing.measure(sql, Math.min(warmup, 2), authorizedCalls,
            () -> transaction.executeWithoutResult(status -> {
                engine.getIdentityService().setAuthentication("officer", List.of("officer"),
                    List.of(SessionCycleThroughput.TENANT));
                try {
                    officersTasks();
                } finally {
                    engine.getIdentityService().clearAuthentication();
                }
            }));
        return new Result("Tasklist (officer)", "/aufgaben", page, List.of(
            new Baseline("the page's task queries: 2 × count + listPage(0, 50)", asThePageRunsThem),
            new Baseline("same queries as the officer, with the engine's authorization check", withAuthorizationCheck)),
            trace(browser, "/aufgaben"));
    }

    private void officersTasks() {
        long withDue = officersTaskQuery().dueAfter(LONG_AGO).count();
        long withoutDue = officersTaskQuery().withoutDueDate().count();
        List<Task> tasks = officersTaskQuery().dueAfter(LONG_AGO).orderByDueDate().asc().orderByTaskCreateTime()
            .desc().orderByTaskId().asc().listPage(0, 50);
        if (tasks.size() != 50 || withDue + withoutDue < 50) {
            throw new IllegalStateException("Baseline task query found " + tasks.size() + " tasks");
        }
    }

    private TaskQuery officersTaskQuery() {
        return engine.getTaskService().createTaskQuery().active().tenantIdIn(SessionCycleThroughput.TENANT)
            .or().taskAssignee("officer").taskCandidateGroupIn(List.of("officer")).endOr();
    }

    /**
     * The secretariat's overview in its default order (next deadline first), against the same select and count
     * over the procedure table through plain JDBC.
     */
    Result dashboard() throws IOException, InterruptedException {
        PageLoad browser = PageLoad.loggedIn(baseUrl, "secretariat", PASSWORD, sql);
        PageLoad.Measurement page = browser.measure("/verfahren", warmup, requests,
            body -> body.contains("Lastprofil-Sitzung") && occurrences(body, "<tr") == 51);
        Timing.Measurement baseline = Timing.measure(sql, warmup, requests, this::procedurePageByJdbc);
        return new Result("Dashboard (secretariat)", "/verfahren", page,
            List.of(new Baseline("JDBC: the page's select of 50 procedures + count", baseline)),
            trace(browser, "/verfahren"));
    }

    /** With {@code -Dbench.traceSql=true}: the statements of one more request. */
    private List<String> trace(PageLoad browser, String path) throws IOException, InterruptedException {
        if (!Boolean.getBoolean("bench.traceSql")) {
            return List.of();
        }
        sql.startTrace();
        browser.get(path, body -> true);
        return sql.stopTrace();
    }

    private void procedurePageByJdbc() {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement("select p.* from procedure p "
                    + "where p.tenant_id in (?) order by case when p.next_deadline is null then 1 else 0 end, "
                    + "p.next_deadline, p.business_key, p.id offset 0 rows fetch first 50 rows only")) {
                select.setString(1, SessionCycleThroughput.TENANT);
                consume(select.executeQuery(), 50);
            }
            try (PreparedStatement count = connection.prepareStatement(
                    "select count(p.id) from procedure p where p.tenant_id in (?)")) {
                count.setString(1, SessionCycleThroughput.TENANT);
                consume(count.executeQuery(), 1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static void consume(ResultSet rows, int expected) throws SQLException {
        try (rows) {
            int columns = rows.getMetaData().getColumnCount();
            int read = 0;
            while (rows.next()) {
                for (int c = 1; c <= columns; c++) {
                    rows.getObject(c);
                }
                read++;
            }
            if (read < Math.min(expected, 1)) {
                throw new IllegalStateException("Baseline query found nothing");
            }
        }
    }
}
