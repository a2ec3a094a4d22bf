package de.stadtdialog.bench.commenting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import de.stadtdialog.StadtdialogApplication;
import de.stadtdialog.bench.BenchDatabase;
import de.stadtdialog.bench.CitizenHttp;
import de.stadtdialog.bench.Machine;
import de.stadtdialog.bench.Report;
import de.stadtdialog.bench.SqlCounter;
import de.stadtdialog.bench.Stats;

/**
 * Issue 5: (a) comments submitted over real HTTP by 50 concurrent logged-in citizens (each its own account; every
 * submission stores the pending comment and starts its moderation process in one transaction), next to raw JDBC
 * single-row inserts into the same table in the same run; (b) the public draft page with 5,000 approved comments
 * (anonymous reader, both sort orders), next to the plain JDBC read of the draft's comments under it.
 * {@code mvn -o -Pbench -Dbuild.dir=target-bench test -Dtest=CommentingBenchmark}; bench/README.md.
 */
class CommentingBenchmark {

    private static final String PASSWORD = "Bench-Passwort-2026";
    private static final String DRAFT_TITLE = "Entwurf: Leitlinien für Bürgerbeteiligung Kaiserslautern";
    private static final double TARGET_PAGE_P95_MILLIS = 150;

    private final Report report = new Report();

    @Test
    void measure() throws Exception {
        Path buildDirectory = Path.of(System.getProperty("buildDirectory", "target"));
        int port = Integer.getInteger("bench.port", 8096);
        int clients = Integer.getInteger("bench.commenting.clients", 50);
        int perClient = Integer.getInteger("bench.commenting.perClient", 40);
        int pageComments = Integer.getInteger("bench.commenting.pageComments", 5000);
        int authors = Integer.getInteger("bench.commenting.authors", 500);
        int warmup = Integer.getInteger("bench.warmup", 50);
        int requests = Integer.getInteger("bench.requests", 200);

        report.line("Commenting benchmark (issue 5) %s", LocalDateTime.now().withNano(0));
        report.line(Machine.describe());
        report.line("Before: %s", Machine.load());
        BenchDatabase database = BenchDatabase.configured(buildDirectory);
        database.reset();
        SqlCounter sql = new SqlCounter();
        List<String> args = new ArrayList<>(database.applicationArguments());
        args.addAll(List.of("--server.port=" + port, "--camunda.bpm.job-execution.enabled=false",
            "--logging.level.root=WARN", "--logging.level.org.hibernate=ERROR",
            "--logging.level.org.camunda.bpm.engine.jobexecutor=ERROR", "--spring.main.banner-mode=off"));
        long bootStart = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StadtdialogApplication.class)
                .profiles("demo")
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(sql))
                .run(args.toArray(String[]::new))) {
            report.line("Database: %s", database.describe(app.getBean(DataSource.class)));
            report.line("Application started in %.1f s (demo profile, job executor off, port %d, same JVM as the "
                + "clients)", (System.nanoTime() - bootStart) / 1e9, port);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String base = "http://localhost:" + port;
            Long draftId = jdbc.queryForObject("select min(id) from commenting_draft where title = ?", Long.class,
                DRAFT_TITLE);
            String tenant = jdbc.queryForObject("select tenant_id from commenting_draft where id = ?", String.class,
                draftId);
            List<Long> paragraphs = jdbc.queryForList("select p.id from commenting_paragraph p join commenting_draft d "
                + "on d.id = p.draft_id and p.version = d.commented_version where d.id = ? order by p.position",
                Long.class, draftId);
            report.line("Draft %d (open, from the demo data) with %d paragraphs", draftId, paragraphs.size());

            report.heading(String.format("(a) Comments over HTTP: %d concurrent citizens, %d comments each",
                clients, perClient));
            List<Long> citizenIds = new ArrayList<>();
            List<String> usernames = citizens(jdbc, tenant, "kommentator", Math.max(clients, authors), citizenIds);
            List<Session> sessions = logIn(base, draftId, usernames.subList(0, clients));
            report.line("Logged in %d citizens (login form with CSRF token, then the draft page for the form's token)",
                sessions.size());
            long statementsBefore = sql.count();
            long cpuBefore = Machine.processCpuNanos();
            Submissions submitted = submit(base, draftId, paragraphs, sessions, perClient);
            int attempted = clients * perClient;
            long stored = jdbc.queryForObject("select count(*) from commenting_comment where draft_id = ? and "
                + "text like 'Benchmark-Kommentar %'", Long.class, draftId);
            long moderations = jdbc.queryForObject("select count(*) from act_ru_execution e join act_re_procdef d "
                + "on d.id_ = e.proc_def_id_ where d.key_ = 'CommentModerationProcess' and e.parent_id_ is null",
                Long.class);
            double httpPerSecond = submitted.acknowledged() / submitted.seconds();
            report.line("HTTP: %d acknowledged (303 to the comment), %d failed, in %.2f s = %.0f comments/s; per "
                + "comment %s; %.1f SQL statements and %.2f ms JVM CPU per comment (app + clients)",
                submitted.acknowledged(), submitted.failed(), submitted.seconds(), httpPerSecond, submitted.stats(),
                (double) (sql.count() - statementsBefore) / attempted,
                (Machine.processCpuNanos() - cpuBefore) / 1e6 / attempted);
            report.line("Check: %d stored as pending, %d acknowledged → lost %d; %d moderation processes running "
                + "(one per comment, plus the demo's)", stored, submitted.acknowledged(),
                Math.max(0, submitted.acknowledged() - stored), moderations);

            sql.startTrace();
            Submissions traced = submit(base, draftId, paragraphs, sessions.subList(0, 1), 1);
            List<String> statements = sql.stopTrace();
            report.line("One more comment, its statements traced (%d acknowledged): %d statements",
                traced.acknowledged(),
                statements.size());
            statements.stream().map(CommentingBenchmark::statementKind)
                .collect(java.util.stream.Collectors.groupingBy(k -> k, java.util.TreeMap::new,
                    java.util.stream.Collectors.counting()))
                .forEach((kind, count) -> report.line("  %3d × %s", count, kind));

            JdbcBaseline baseline = jdbcInserts(app.getBean(DataSource.class), tenant, draftId, paragraphs,
                citizenIds.subList(0, clients), clients, perClient);
            report.line("Baseline raw JDBC: %d single-row inserts into commenting_comment (autocommit, one "
                + "connection per thread from the application's pool, %d threads) in %.2f s = %.0f inserts/s",
                baseline.inserted(), clients, baseline.seconds(), baseline.perSecond());
            report.line("Ratio HTTP/JDBC: %.3f (the HTTP side also starts a moderation process per comment)",
                httpPerSecond / baseline.perSecond());
            jdbc.update("delete from commenting_comment where draft_id = ? and text like 'JDBC-Kommentar %'",
                draftId);
            report.line("After (a): %s", Machine.load());

            report.heading(String.format("(b) Public draft page with %,d approved comments", pageComments));
            long start = System.nanoTime();
            int inserted = approvedComments(jdbc, tenant, draftId, paragraphs, citizenIds.subList(0, authors),
                pageComments);
            long approved = jdbc.queryForObject("select count(*) from commenting_comment where draft_id = ? and "
                + "status = 'APPROVED'", Long.class, draftId);
            report.line("Inserted %d approved comments (every fifth a reply, %d authors) by JDBC in %.1f s; the draft "
                + "now has %d approved comments", inserted, authors, (System.nanoTime() - start) / 1e9, approved);
            HttpClient reader = CitizenHttp.client();
            String path = "/oeffentlich/entwuerfe/" + draftId;
            for (String sort : List.of("neueste", "meistdiskutiert")) {
                String url = base + path + "?sortierung=" + sort;
                PageTiming timing = page(reader, url, sql, warmup, requests, approved);
                report.line("GET %s?sortierung=%s (anonymous): %s (target p95 ≤ %.0f ms: %s); %.1f SQL statements "
                    + "and %.1f ms JVM CPU per request; %,d bytes", path, sort, timing.stats(),
                    TARGET_PAGE_P95_MILLIS, timing.stats().p95() <= TARGET_PAGE_P95_MILLIS ? "met" : "MISSED",
                    timing.statements(), timing.cpuMillis(), timing.bytes());
            }
            List<Double> raw = new ArrayList<>();
            DataSource dataSource = app.getBean(DataSource.class);
            for (int i = 0; i < warmup + requests; i++) {
                long t = System.nanoTime();
                int rows = readAllComments(dataSource, draftId);
                if (i >= warmup) {
                    raw.add((System.nanoTime() - t) / 1e6);
                }
                if (rows < approved) {
                    throw new IllegalStateException("JDBC read " + rows + " of " + approved + " comments");
                }
            }
            Stats rawStats = Stats.of(raw);
            report.line("Baseline raw JDBC: select of all %d comments of the draft (every column) %s", approved,
                rawStats);
            report.line("At the end: %s", Machine.load());
        }
        Path file = report.write(buildDirectory.resolve("bench-report-commenting-" + database.kind().name()
            .toLowerCase() + ".txt"));
        System.out.println("Report written to " + file.toAbsolutePath());
    }

    // ------------------------------------------------------------------------------------------------ set-up

    /** Confirmed citizens straight into the table the citizen module maps; ids in {@code ids}. */
    private static List<String> citizens(JdbcTemplate jdbc, String tenant, String prefix, int count, List<Long> ids) {
        // BCrypt cost 4: the login checks the hash as stored, so logging in costs ~1 ms instead of tens
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = prefix + i;
            names.add(name);
            rows.add(new Object[] {tenant, name, name, "Bench", String.valueOf(i), name + "@bench.invalid", hash, now,
                now});
        }
        jdbc.batchUpdate("insert into citizen (version, tenant_id, username, username_key, first_name, last_name, "
            + "email, password_hash, status, created_at, confirmed_at) "
            + "values (0, ?, ?, ?, ?, ?, ?, ?, 'CONFIRMED', ?, ?)",
            rows);
        for (String name : names) {
            ids.add(jdbc.queryForObject("select id from citizen where tenant_id = ? and username_key = ?", Long.class,
                tenant, name));
        }
        return names;
    }

    /** 5,000 approved comments over the paragraphs and the whole draft; every fifth replies to the one before. */
    private static int approvedComments(JdbcTemplate jdbc, String tenant, Long draftId, List<Long> paragraphs,
            List<Long> authors, int count) {
        String text = "Ein freigegebener Kommentar, wie er in einer Kommentierungsphase vorkommt: ein paar Sätze "
            + "Zustimmung, ein Einwand und ein Vorschlag, zusammen etwa dreihundert Zeichen lang, damit die Seite "
            + "so viel Text trägt wie im Betrieb. Nummer ";
        Instant first = Instant.now().minus(Duration.ofDays(10));
        int inserted = 0;
        Long lastRoot = null;
        Long lastRootParagraph = null;
        for (int i = 0; i < count; i++) {
            boolean reply = i % 5 == 4 && lastRoot != null;
            Long paragraph = reply ? lastRootParagraph
                : i % (paragraphs.size() + 1) == paragraphs.size() ? null : paragraphs.get(i % (paragraphs.size() + 1));
            Timestamp at = Timestamp.from(first.plusSeconds(60L * i));
            Long id = insertComment(jdbc, tenant, draftId, paragraph, reply ? lastRoot : null,
                authors.get(i % authors.size()), text + (i + 1), at, "APPROVED");
            inserted++;
            if (!reply) {
                lastRoot = id;
                lastRootParagraph = paragraph;
            }
        }
        return inserted;
    }

    private static Long insertComment(JdbcTemplate jdbc, String tenant, Long draftId, Long paragraphId, Long parentId,
            Long author, String text, Timestamp at, String status) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into commenting_comment (tenant_id, "
                + "draft_id, paragraph_id, parent_id, author_citizen_id, author_pseudonymised, text, created_at, "
                + "status, moderated_by, moderated_at) values (?, ?, ?, ?, ?, false, ?, ?, ?, 'officer', ?)",
                new String[] {"id"});
            insert.setString(1, tenant);
            insert.setLong(2, draftId);
            insert.setObject(3, paragraphId);
            insert.setObject(4, parentId);
            insert.setLong(5, author);
            insert.setString(6, text);
            insert.setTimestamp(7, at);
            insert.setString(8, status);
            insert.setTimestamp(9, at);
            return insert;
        }, keys);
        return keys.getKey().longValue();
    }

    // ------------------------------------------------------------------------------------------------ (a)

    record Session(String username, String cookie, String csrf) {
    }

    record Submissions(int acknowledged, int failed, double seconds, Stats stats) {
    }

    private static List<Session> logIn(String base, Long draftId, List<String> usernames) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(usernames.size());
        try {
            List<Future<Session>> parts = new ArrayList<>();
            for (String username : usernames) {
                parts.add(pool.submit(() -> logIn(CitizenHttp.client(), base, draftId, username)));
            }
            List<Session> sessions = new ArrayList<>();
            for (Future<Session> part : parts) {
                sessions.add(part.get());
            }
            return sessions;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Session logIn(HttpClient client, String base, Long draftId, String username)
            throws IOException, InterruptedException {
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base + "/buerger/anmelden")).build(),
            HttpResponse.BodyHandlers.ofString());
        String cookie = CitizenHttp.sessionCookie(form, null);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/buerger/anmelden"))
            .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
            .POST(HttpRequest.BodyPublishers.ofString("username=" + CitizenHttp.encode(username) + "&password="
                + CitizenHttp.encode(PASSWORD) + "&_csrf=" + CitizenHttp.encode(CitizenHttp.csrfToken(form.body()))))
            .build(), HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() / 100 != 3 || location.contains("anmelden")) {
            throw new IllegalStateException("Login of " + username + " failed: " + login.statusCode() + " " + location);
        }
        cookie = CitizenHttp.sessionCookie(login, cookie);
        HttpResponse<String> draft = client.send(HttpRequest.newBuilder(URI.create(base + "/oeffentlich/entwuerfe/"
            + draftId)).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        if (draft.statusCode() != 200 || !draft.body().contains("name=\"text\"")) {
            throw new IllegalStateException("No comment form for " + username + ": " + draft.statusCode());
        }
        return new Session(username, CitizenHttp.sessionCookie(draft, cookie), CitizenHttp.csrfToken(draft.body()));
    }

    private static Submissions submit(String base, Long draftId, List<Long> paragraphs, List<Session> sessions,
            int perClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int c = 0; c < sessions.size(); c++) {
                Session session = sessions.get(c);
                int client = c;
                parts.add(pool.submit(() -> {
                    HttpClient http = CitizenHttp.client();
                    for (int i = 0; i < perClient; i++) {
                        Long paragraph = paragraphs.get((client + i) % paragraphs.size());
                        String body = "paragraphId=" + paragraph + "&aktion=absenden&_csrf="
                            + CitizenHttp.encode(session.csrf()) + "&text=" + CitizenHttp.encode("Benchmark-Kommentar "
                                + client + "/" + i + ": Ich schlage vor, den Absatz um ein Beispiel aus dem Stadtteil "
                                + "zu ergänzen, damit klar wird, was gemeint ist.");
                        long t = System.nanoTime();
                        try {
                            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base
                                    + "/buerger/kommentare/" + draftId))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Cookie", session.cookie())
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.discarding());
                            String location = response.headers().firstValue("Location").orElse("");
                            if (response.statusCode() == 303 && location.contains("#kommentar-")) {
                                acknowledged.incrementAndGet();
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
        return new Submissions(acknowledged.get(), failed.get(), (System.nanoTime() - start) / 1e9,
            Stats.of(millis));
    }

    record JdbcBaseline(int inserted, double seconds) {
        double perSecond() {
            return inserted / seconds;
        }
    }

    /** The same number of comment rows, one INSERT per comment, autocommit, as many threads as HTTP clients. */
    private static JdbcBaseline jdbcInserts(DataSource dataSource, String tenant, Long draftId, List<Long> paragraphs,
            List<Long> authors, int threads, int perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger inserted = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int c = 0; c < threads; c++) {
                int thread = c;
                parts.add(pool.submit(() -> {
                    try (Connection connection = dataSource.getConnection();
                            PreparedStatement insert = connection.prepareStatement("insert into commenting_comment "
                                + "(tenant_id, draft_id, paragraph_id, author_citizen_id, author_pseudonymised, text, "
                                + "created_at, status) values (?, ?, ?, ?, false, ?, ?, 'PENDING')")) {
                        connection.setAutoCommit(true);
                        for (int i = 0; i < perThread; i++) {
                            insert.setString(1, tenant);
                            insert.setLong(2, draftId);
                            insert.setLong(3, paragraphs.get((thread + i) % paragraphs.size()));
                            insert.setLong(4, authors.get(thread));
                            insert.setString(5, "JDBC-Kommentar " + thread + "/" + i + ": Ich schlage vor, den Absatz "
                                + "um ein Beispiel aus dem Stadtteil zu ergänzen, damit klar wird, was gemeint ist.");
                            insert.setTimestamp(6, Timestamp.from(Instant.now()));
                            insert.executeUpdate();
                            inserted.incrementAndGet();
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
        return new JdbcBaseline(inserted.get(), (System.nanoTime() - start) / 1e9);
    }

    // ------------------------------------------------------------------------------------------------ (b)

    record PageTiming(Stats stats, double statements, double cpuMillis, int bytes) {
    }

    private static PageTiming page(HttpClient client, String url, SqlCounter sql, int warmup, int requests,
            long approved) throws IOException, InterruptedException {
        for (int i = 0; i < warmup; i++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
            String count = String.format(java.util.Locale.GERMANY, "(%,d Kommentare)", approved);
            if (response.statusCode() != 200 || !response.body().contains(count)) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode()
                    + " without the count of " + approved + " comments");
            }
        }
        List<Double> millis = new ArrayList<>();
        int bytes = 0;
        long statements = sql.count();
        long cpu = Machine.processCpuNanos();
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - t) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
            }
            bytes = response.body().length();
        }
        return new PageTiming(Stats.of(millis), (double) (sql.count() - statements) / requests,
            (Machine.processCpuNanos() - cpu) / 1e6 / requests, bytes);
    }

    private static int readAllComments(DataSource dataSource, Long draftId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select * from commenting_comment where "
                    + "draft_id = ? and status = 'APPROVED' order by created_at, id")) {
            select.setLong(1, draftId);
            int rows = 0;
            try (var result = select.executeQuery()) {
                while (result.next()) {
                    result.getString("text");
                    rows++;
                }
            }
            return rows;
        }
    }

    // ------------------------------------------------------------------------------------------------ HTTP bits

    /** "insert into ACT_RU_TASK", "select … from commenting_comment": what a statement does to which table. */
    private static String statementKind(String sql) {
        String text = sql.trim().replaceAll("\\s+", " ").replace("[batch] ", "batched ");
        String verb = text.startsWith("batched ") ? "batched " + text.split(" ", 3)[1].toLowerCase()
            : text.split(" ", 2)[0].toLowerCase();
        Matcher table = Pattern.compile("(?i)\\b(?:from|into|update)\\s+([A-Za-z_\\.]+)").matcher(text);
        return verb + " " + (table.find() ? table.group(1) : text.substring(0, Math.min(40, text.length())));
    }

}
