package de.stadtdialog.bench.voting;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import de.stadtdialog.StadtdialogApplication;
import de.stadtdialog.bench.CitizenHttp;
import de.stadtdialog.procedure.Procedure;
import de.stadtdialog.voting.BallotCount;
import de.stadtdialog.voting.BallotStore;
import de.stadtdialog.voting.Vote;
import de.stadtdialog.voting.VoteOption;
import de.stadtdialog.voting.VoteOptionRepository;
import de.stadtdialog.voting.VotingMethod;
import de.stadtdialog.voting.VotingService;
import de.stadtdialog.voting.VotingService.NewOption;
import de.stadtdialog.voting.VotingService.SetUpVote;

/**
 * Issue 6: votes cast over real HTTP by logged-in citizens (one account each, 100 concurrent clients) against
 * PostgreSQL, next to raw JDBC single-row inserts into a copy of the ballot table in the same run and database;
 * then the count check (ballots in the database = acknowledged votes) and the tally of 1,000,000 ballots through
 * the module's own tally read ({@link BallotStore#rankingGroups} + {@link BallotCount#count}).
 * {@code mvn -o -Pbench -Dbuild.dir=target-vbench test -Dtest=VotingBenchmark}; bench/README.md.
 */
class VotingBenchmark {

    static final String PASSWORD = "Bench-Passwort-2026";
    private static final double TARGET_VOTES_PER_SECOND = 1000;
    private static final double TARGET_TALLY_SECONDS = 1;

    private final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        Path buildDirectory = Path.of(System.getProperty("buildDirectory", "target"));
        String url = System.getProperty("bench.db.url", "jdbc:postgresql://localhost:5432/stadtdialog_vbench");
        String user = System.getProperty("bench.db.user", "stadtdialog");
        String password = System.getProperty("bench.db.password", "stadtdialog");
        int port = Integer.getInteger("bench.port", 8095);
        int voters = Integer.getInteger("bench.voting.voters", 5000);
        int clients = Integer.getInteger("bench.voting.clients", 100);
        int tallyBallots = Integer.getInteger("bench.voting.tallyBallots", 1_000_000);
        int tallyRuns = Integer.getInteger("bench.voting.tallyRuns", 5);
        // 100 connections of its own would exceed PostgreSQL's default max_connections next to the app's pool
        int jdbcThreads = Integer.getInteger("bench.voting.jdbcThreads", 40);

        line("Voting benchmark (issue 6) %s", LocalDateTime.now().withNano(0));
        line("CPU: %s, %d cores, JVM %s; %s", cpuModel(), Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.runtime.version"), load());
        // `mvn -Pbench test` runs every benchmark: without this database, this one is skipped, not failed
        try (Connection probe = DriverManager.getConnection(url, user, password)) {
            probe.isValid(5);
        } catch (SQLException unreachable) {
            Assumptions.abort("PostgreSQL database for the voting benchmark not reachable (" + url + "): "
                + unreachable.getMessage());
        }
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
            line("Database: %s %s, %s (schema public emptied)", connection.getMetaData().getDatabaseProductName(),
                connection.getMetaData().getDatabaseProductVersion(), url);
        }
        long bootStart = System.nanoTime();
        de.stadtdialog.bench.SqlCounter sql = new de.stadtdialog.bench.SqlCounter();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StadtdialogApplication.class)
                .profiles("demo")
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(sql))
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                    "--spring.datasource.password=" + password, "--camunda.bpm.database.type=postgres",
                    "--server.port=" + port, "--camunda.bpm.job-execution.enabled=false",
                    "--logging.level.root=WARN", "--logging.level.org.hibernate=ERROR",
                    "--logging.level.org.camunda.bpm.engine.jobexecutor=ERROR", "--spring.main.banner-mode=off")) {
            line("Application started in %.1f s (demo profile, job executor off, port %d, same JVM as the clients)",
                (System.nanoTime() - bootStart) / 1e9, port);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String tenant = jdbc.queryForObject("select tenant_id from citizen where username_key = 'buerger'",
                String.class);

            Vote vote = openVote(app, tenant, "Benchmark: Abstimmung über HTTP");
            List<Long> options = app.getBean(VoteOptionRepository.class).findByVoteIdOrderByPosition(vote.getId())
                .stream().map(VoteOption::getId).toList();
            long start = System.nanoTime();
            // one voter more than timed: the last one's ballot is traced statement by statement
            List<String> usernames = citizens(jdbc, tenant, voters + 1);
            line("%d confirmed citizens inserted by JDBC in %.1f s (BCrypt hash of cost 4, computed once: the login "
                + "checks it as stored, so a login hashes for ~1 ms instead of tens of ms at cost 10)",
                voters, (System.nanoTime() - start) / 1e9);

            line("");
            line("== Votes over HTTP: %d voters, %d concurrent clients ==", voters, clients);
            String base = "http://localhost:" + port;
            HttpVoters http = new HttpVoters(base, vote.getId(), options, clients);
            start = System.nanoTime();
            List<HttpVoters.Session> all = http.logIn(usernames, PASSWORD);
            List<HttpVoters.Session> sessions = all.subList(0, voters);
            line("Logged in %d voters (login form, CSRF token, then the ballot form for its token) in %.1f s",
                all.size(), (System.nanoTime() - start) / 1e9);
            long cpuBefore = processCpuNanos();
            long statementsBefore = sql.count();
            HttpVoters.Result votes = http.vote(sessions);
            double httpCpuMs = (processCpuNanos() - cpuBefore) / 1e6 / voters;
            double statementsPerVote = (double) (sql.count() - statementsBefore) / voters;
            long stored = jdbc.queryForObject("select count(*) from ballot where vote_id = ?", Long.class,
                vote.getId());
            long distinct = jdbc.queryForObject("select count(distinct voter_ref) from ballot where vote_id = ?",
                Long.class, vote.getId());
            line("HTTP: %d acknowledged (303 to the receipt), %d refused/failed, in %.2f s = %.0f votes/s "
                + "(target ≥ %.0f: %s); per vote median %.1f ms, p95 %.1f ms; JVM CPU %.2f ms/vote (app + clients)",
                votes.acknowledged(), votes.failed(), votes.seconds(), votes.perSecond(), TARGET_VOTES_PER_SECOND,
                votes.perSecond() >= TARGET_VOTES_PER_SECOND ? "met" : "MISSED", votes.medianMillis(),
                votes.p95Millis(), httpCpuMs);
            line("Check: %d ballots in the database, %d distinct voters, %d acknowledged → lost %d, duplicate %d, "
                + "unacknowledged but stored %d", stored, distinct, votes.acknowledged(),
                Math.max(0, votes.acknowledged() - stored), stored - distinct,
                Math.max(0, stored - votes.acknowledged()));
            line("SQL statements per vote (application side, counted at the JDBC connection): %.1f", statementsPerVote);
            sql.startTrace();
            boolean traced = http.castOne(CitizenHttp.client(), all.get(voters), options.get(0));
            List<String> statements = sql.stopTrace();
            line("One more vote traced (%s): %d statements", traced ? "acknowledged" : "NOT acknowledged",
                statements.size());
            statements.forEach(statement -> {
                int callers = statement.indexOf('\n');
                String sqlText = callers < 0 ? statement : statement.substring(0, callers);
                line("  %s%s", sqlText.length() > 160 ? sqlText.substring(0, 160) + "…" : sqlText,
                    callers < 0 ? "" : statement.substring(callers));
            });
            line("After the HTTP run: %s", load());

            line("");
            line("== Baseline: raw JDBC single-row inserts, %d threads, same database ==", jdbcThreads);
            try {
                JdbcBaseline.Result raw = JdbcBaseline.run(url, user, password, tenant, vote.getId(), options,
                    voters, jdbcThreads);
                line("JDBC: %d rows into ballot_jdbc (LIKE ballot INCLUDING ALL: same columns and unique "
                    + "constraints), autocommit, one connection per thread, in %.2f s = %.0f inserts/s; %d rows "
                    + "counted afterwards", raw.inserted(), raw.seconds(), raw.perSecond(), raw.counted());
                line("Ratio HTTP/JDBC: %.2f", votes.perSecond() / raw.perSecond());
            } catch (SQLException e) {
                // e.g. max_connections (100 by default) shared with the application's pool and other users
                line("Baseline FAILED, not measured: %s", e.getMessage());
            }
            line("After the baseline: %s", load());

            line("");
            line("== Tally of %,d ballots ==", tallyBallots);
            Vote big = openVote(app, tenant, "Benchmark: Auszählung");
            List<Long> bigOptions = app.getBean(VoteOptionRepository.class)
                .findByVoteIdOrderByPosition(big.getId()).stream().map(VoteOption::getId).toList();
            start = System.nanoTime();
            insertBallots(jdbc, tenant, big.getId(), bigOptions, tallyBallots);
            line("Inserted in %.1f s (one INSERT … SELECT over generate_series, then ANALYZE ballot)",
                (System.nanoTime() - start) / 1e9);
            BallotStore store = app.getBean(BallotStore.class);
            List<Double> seconds = new ArrayList<>();
            BallotCount.Result result = null;
            for (int i = 0; i <= tallyRuns; i++) {
                long t = System.nanoTime();
                Map<List<Long>, Long> groups = store.rankingGroups(big.getId());
                result = BallotCount.count(VotingMethod.SINGLE_CHOICE, bigOptions, groups);
                if (i > 0) {
                    seconds.add((System.nanoTime() - t) / 1e9);
                }
            }
            double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            line("Tally (BallotStore.rankingGroups: select ranking, count(*) … group by ranking; then BallotCount): "
                + "median %.3f s of %d runs after 1 warm-up, runs %s (target ≤ %.0f s: %s); %d ballots counted, "
                + "winner option %s", median, tallyRuns, Arrays.toString(seconds.stream()
                    .map(s -> String.format("%.3f", s)).toArray()), TARGET_TALLY_SECONDS,
                median <= TARGET_TALLY_SECONDS ? "met" : "MISSED", result.ballots(), result.winner());
            String plan = String.join("\n  ", jdbc.queryForList("explain (analyze, buffers) select ranking, count(*) "
                + "from ballot where vote_id = " + big.getId() + " group by ranking", String.class));
            line("Plan:\n  %s", plan);
            line("At the end: %s", load());
        }
        Path file = buildDirectory.resolve("bench-report-voting.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report.toString());
        System.out.println("Report written to " + file.toAbsolutePath());
    }

    /** A single-choice vote, approved and open now (as the demo data does), without the process. */
    static Vote openVote(ConfigurableApplicationContext app, String tenant, String title) {
        VotingService voting = app.getBean(VotingService.class);
        Instant now = Instant.now();
        return new TransactionTemplate(app.getBean(PlatformTransactionManager.class)).execute(status -> {
            Procedure procedure = voting.setUpWithoutProcess(new SetUpVote(tenant, title, "Welcher Entwurf?", null,
                VotingMethod.SINGLE_CHOICE, false, false, null, null, now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(1)), "P30D", List.of(
                    new NewOption("Entwurf A", null, null, null, null, null),
                    new NewOption("Entwurf B", null, null, null, null, null),
                    new NewOption("Entwurf C", null, null, null, null, null)), "officer"));
            Vote vote = voting.vote(procedure);
            vote.recordReview("coordination", null, true, now.minus(Duration.ofHours(2)));
            vote.markOpened(now.minus(Duration.ofHours(1)));
            return vote;
        });
    }

    /** Confirmed citizens {@code waehler1} … straight into the table the module's entity maps. */
    static List<String> citizens(JdbcTemplate jdbc, String tenant, int count) {
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = "waehler" + i;
            names.add(name);
            rows.add(new Object[] {tenant, name, name, "Wähler", String.valueOf(i), name + "@bench.invalid", hash,
                now, now});
        }
        jdbc.batchUpdate("insert into citizen (version, tenant_id, username, username_key, first_name, last_name, "
            + "email, password_hash, status, created_at, confirmed_at) "
            + "values (0, ?, ?, ?, ?, ?, ?, ?, 'CONFIRMED', ?, ?)",
            rows);
        return names;
    }

    private static void insertBallots(JdbcTemplate jdbc, String tenant, Long voteId, List<Long> options, int count) {
        // voter_ref far above the citizens' ids; rankings spread over the options with a clear winner
        jdbc.update("insert into ballot (tenant_id, vote_id, voter_ref, ranking, receipt_code, channel, cast_at) "
            + "select ?, ?, 100000000 + g, case when g % 10 < 5 then ? when g % 10 < 8 then ? else ? end, "
            + "upper(substr(md5(g::text), 1, 20)), 'ONLINE', now() from generate_series(1, ?) g",
            tenant, voteId, String.valueOf(options.get(0)), String.valueOf(options.get(1)),
            String.valueOf(options.get(2)), count);
        jdbc.execute("analyze ballot");
    }

    private void line(String format, Object... args) {
        String text = args.length == 0 ? format : String.format(format, args);
        System.out.println(text);
        System.out.flush();
        report.append(text).append('\n');
    }

    static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load average " + fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException e) {
            return "load average unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getProcessCpuTime() : -1;
    }

    /**
     * Citizens' browsers over java.net.http: one client per worker thread, the session cookie (Spring Session
     * JDBC's {@code SESSION}) kept by hand per voter ({@link CitizenHttp}). Login as the form does it (CSRF token
     * from the login page), then the ballot form for its token; the timed part is the ballot POST alone.
     */
    static final class HttpVoters {

        record Session(String username, String cookie, String csrf) {
        }

        record Result(int acknowledged, int failed, double seconds, double medianMillis, double p95Millis,
                List<String> acknowledgedUsers) {
            double perSecond() {
                return acknowledged / seconds;
            }
        }

        private final String base;
        private final Long voteId;
        private final List<Long> options;
        private final int clients;

        HttpVoters(String base, Long voteId, List<Long> options, int clients) {
            this.base = base;
            this.voteId = voteId;
            this.options = options;
            this.clients = clients;
        }

        List<Session> logIn(List<String> usernames, String password) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<List<Session>>> parts = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int first = c;
                    parts.add(pool.submit(() -> {
                        HttpClient client = CitizenHttp.client();
                        List<Session> mine = new ArrayList<>();
                        for (int i = first; i < usernames.size(); i += clients) {
                            mine.add(logIn(client, usernames.get(i), password));
                        }
                        return mine;
                    }));
                }
                List<Session> all = new ArrayList<>();
                for (Future<List<Session>> part : parts) {
                    all.addAll(part.get());
                }
                return all;
            } finally {
                pool.shutdownNow();
            }
        }

        private Session logIn(HttpClient client, String username, String password)
                throws IOException, InterruptedException {
            HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base + "/buerger/anmelden"))
                .build(), HttpResponse.BodyHandlers.ofString());
            String cookie = CitizenHttp.sessionCookie(form, null);
            String body = "username=" + CitizenHttp.encode(username) + "&password=" + CitizenHttp.encode(password)
                + "&_csrf="
                + CitizenHttp.encode(CitizenHttp.csrfToken(form.body()));
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/buerger/anmelden"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            String location = login.headers().firstValue("Location").orElse("");
            if (login.statusCode() / 100 != 3 || location.contains("anmelden")) {
                throw new IllegalStateException("Login of " + username + " failed: " + login.statusCode() + " "
                    + location);
            }
            cookie = CitizenHttp.sessionCookie(login, cookie);
            HttpResponse<String> ballotForm = client.send(HttpRequest.newBuilder(URI.create(base
                + "/buerger/abstimmungen/" + voteId)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
            if (ballotForm.statusCode() != 200 || !ballotForm.body().contains("name=\"choice\"")) {
                throw new IllegalStateException("No ballot form for " + username + ": " + ballotForm.statusCode());
            }
            return new Session(username, CitizenHttp.sessionCookie(ballotForm, cookie),
                CitizenHttp.csrfToken(ballotForm.body()));
        }

        Result vote(List<Session> sessions) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            AtomicInteger failed = new AtomicInteger();
            List<Double> millis = java.util.Collections.synchronizedList(new ArrayList<>());
            List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            try {
                List<Future<?>> parts = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int first = c;
                    parts.add(pool.submit(() -> {
                        HttpClient client = CitizenHttp.client();
                        for (int i = first; i < sessions.size(); i += clients) {
                            Session session = sessions.get(i);
                            long t = System.nanoTime();
                            try {
                                if (castOne(client, session, options.get(i % options.size()))) {
                                    acknowledged.add(session.username());
                                } else {
                                    failed.incrementAndGet();
                                }
                            } catch (IOException e) {
                                failed.incrementAndGet();
                            }
                            millis.add((System.nanoTime() - t) / 1e6);
                        }
                        return null;
                    }));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
            } finally {
                pool.shutdownNow();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Result(acknowledged.size(), failed.get(), seconds, sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1], List.copyOf(acknowledged));
        }

        /** @return true if acknowledged: a redirect to the receipt page */
        boolean castOne(HttpClient client, Session session, Long option) throws IOException, InterruptedException {
            String body = "choice=" + option + "&_csrf=" + CitizenHttp.encode(session.csrf());
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(base
                + "/buerger/abstimmungen/" + voteId)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session.cookie())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 303
                && response.headers().firstValue("Location").orElse("").endsWith("/quittung");
        }

    }

    /** The same number of single-row inserts, straight through JDBC into a copy of the ballot table. */
    static final class JdbcBaseline {

        record Result(int inserted, double seconds, long counted) {
            double perSecond() {
                return inserted / seconds;
            }
        }

        static Result run(String url, String user, String password, String tenant, Long voteId, List<Long> options,
                int rows, int threads) throws Exception {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists ballot_jdbc");
                statement.execute("create table ballot_jdbc (like ballot including all)");
            }
            List<Connection> connections = new ArrayList<>();
            try {
                for (int i = 0; i < threads; i++) {
                    connections.add(DriverManager.getConnection(url, user, password));
                }
                return insert(connections, tenant, voteId, options, rows, threads);
            } finally {
                for (Connection connection : connections) {
                    try {
                        connection.close();
                    } catch (SQLException ignored) {
                        // closing only
                    }
                }
            }
        }

        private static Result insert(List<Connection> connections, String tenant, Long voteId, List<Long> options,
                int rows, int threads) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            AtomicInteger inserted = new AtomicInteger();
            long start = System.nanoTime();
            try {
                List<Future<?>> parts = new ArrayList<>();
                for (int c = 0; c < threads; c++) {
                    int first = c;
                    Connection connection = connections.get(c);
                    parts.add(pool.submit(() -> {
                        try (PreparedStatement insert = connection.prepareStatement("insert into ballot_jdbc "
                                + "(tenant_id, vote_id, voter_ref, ranking, receipt_code, channel, cast_at) "
                                + "values (?, ?, ?, ?, ?, 'ONLINE', ?)")) {
                            for (int i = first; i < rows; i += threads) {
                                insert.setString(1, tenant);
                                insert.setLong(2, voteId);
                                insert.setLong(3, i + 1);
                                insert.setString(4, String.valueOf(options.get(i % options.size())));
                                insert.setString(5, String.format("%020d", i));
                                insert.setTimestamp(6, Timestamp.from(Instant.now()));
                                inserted.addAndGet(insert.executeUpdate());
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
            } finally {
                pool.shutdownNow();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long counted;
            try (Statement statement = connections.get(0).createStatement();
                    var rs = statement.executeQuery("select count(*) from ballot_jdbc")) {
                rs.next();
                counted = rs.getLong(1);
            }
            return new Result(inserted.get(), seconds, counted);
        }
    }
}
