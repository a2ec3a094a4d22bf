package de.stadtdialog.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.ApplicationContext;

/**
 * Benchmark (b): our pages over HTTP, each next to the query underneath it run directly, so the report shows
 * what the page adds to its query (rendering, security, session, mapping).
 */
final class PageBenchmarks {

    private static final String PASSWORD = "demo";

    private final ProcessEngine engine;
    private final DataSource dataSource;
    private final SqlCounter sql;
    private final String baseUrl;
    private final int warmup;
    private final int requests;

    record Result(String name, String path, PageLoad.Measurement page, String baselineName,
            Timing.Measurement baseline) {
    }

    PageBenchmarks(ApplicationContext context, SqlCounter sql, String baseUrl, int warmup, int requests) {
        this.engine = context.getBean(ProcessEngine.class);
        this.dataSource = context.getBean(DataSource.class);
        this.sql = sql;
        this.baseUrl = baseUrl;
        this.warmup = warmup;
        this.requests = requests;
    }

    Result tasklist() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("tasklist not yet available");
    }

    /**
     * The secretariat's overview in its default order (next deadline first), against the same select and count
     * over the procedure table through plain JDBC.
     */
    Result dashboard() throws IOException, InterruptedException {
        PageLoad browser = PageLoad.loggedIn(baseUrl, "secretariat", PASSWORD, sql);
        PageLoad.Measurement page = browser.measure("/verfahren", warmup, requests,
            body -> body.contains("Lastprofil-Sitzung"));
        Timing.Measurement baseline = Timing.measure(sql, warmup, requests, this::procedurePageByJdbc);
        return new Result("Dashboard (secretariat)", "/verfahren", page,
            "JDBC select 50 + count on procedure", baseline);
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
