package de.stadtdialog.bench.voting;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import de.stadtdialog.StadtdialogApplication;
import de.stadtdialog.bench.CitizenHttp;
import de.stadtdialog.voting.Vote;
import de.stadtdialog.voting.VoteOption;
import de.stadtdialog.voting.VoteOptionRepository;

/**
 * Issue 6, durability: the application runs as a child process on PostgreSQL; 100 logged-in voters cast ballots
 * over HTTP; when a third of them are acknowledged the process is killed with SIGKILL ({@code kill -9}, no
 * shutdown hook, no pool close); the application is started again on the same database, and the ballots stored
 * are compared voter by voter with the acknowledged ones. Every acknowledged ballot must be there (none lost),
 * none twice; ballots stored whose redirect never reached the client (committed, then the process died) are reported
 * on their own, they are not lost votes.
 * {@code mvn -o -Pbench -Dbuild.dir=target-vbench test -Dtest=VotingCrashBenchmark}; bench/README.md.
 */
class VotingCrashBenchmark {

    private final StringBuilder report = new StringBuilder();

    @Test
    void killDuringLoad_restart_everyAcknowledgedBallotIsStored() throws Exception {
        Path buildDirectory = Path.of(System.getProperty("buildDirectory", "target"));
        String url = System.getProperty("bench.db.url", "jdbc:postgresql://localhost:5432/stadtdialog_vbench");
        String user = System.getProperty("bench.db.user", "stadtdialog");
        String password = System.getProperty("bench.db.password", "stadtdialog");
        int port = Integer.getInteger("bench.port", 8097);
        int voters = Integer.getInteger("bench.voting.voters", 3000);
        int clients = Integer.getInteger("bench.voting.clients", 100);
        double killAt = Double.parseDouble(System.getProperty("bench.voting.killAt", "0.33"));

        line("Voting crash test (issue 6) %s; %s", LocalDateTime.now().withNano(0), VotingBenchmark.load());
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
        }
        List<String> database = List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
            "--spring.datasource.password=" + password, "--camunda.bpm.database.type=postgres");

        // 1. set-up in this JVM: schema, demo data, an open vote, the voters; then closed normally
        Long voteId;
        List<Long> options;
        Map<String, Long> idByUsername = new HashMap<>();
        List<String> arguments = new ArrayList<>(database);
        arguments.addAll(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
            "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StadtdialogApplication.class)
                .profiles("demo").run(arguments.toArray(String[]::new))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String tenant = jdbc.queryForObject("select tenant_id from citizen where username_key = 'buerger'",
                String.class);
            Vote vote = VotingBenchmark.openVote(app, tenant, "Benchmark: Absturz während der Abstimmung");
            voteId = vote.getId();
            options = app.getBean(VoteOptionRepository.class).findByVoteIdOrderByPosition(voteId).stream()
                .map(VoteOption::getId).toList();
            for (String name : VotingBenchmark.citizens(jdbc, tenant, voters)) {
                idByUsername.put(name, jdbc.queryForObject("select id from citizen where username_key = ?",
                    Long.class, name));
            }
        }
        line("Set-up: vote %d open, %d confirmed voters (application in the benchmark's JVM, closed again)", voteId,
            voters);

        // 2. the application as a child process; voters log in, then vote until the kill
        String base = "http://localhost:" + port;
        Process app = start(database, port, buildDirectory.resolve("crash-run-1.log"));
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch killPoint = new java.util.concurrent.CountDownLatch(
            (int) (voters * killAt));
        AtomicInteger failed = new AtomicInteger();
        long killedAfterMillis;
        try {
            awaitUp(base, app);
            VotingBenchmark.HttpVoters http = new VotingBenchmark.HttpVoters(base, voteId, options, clients);
            List<VotingBenchmark.HttpVoters.Session> sessions = http.logIn(new ArrayList<>(idByUsername.keySet()),
                VotingBenchmark.PASSWORD);
            line("Child process pid %d up; %d voters logged in", app.pid(), sessions.size());
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long start = System.nanoTime();
            List<Future<?>> parts = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int first = c;
                parts.add(pool.submit(() -> {
                    HttpClient client = CitizenHttp.client();
                    for (int i = first; i < sessions.size(); i += clients) {
                        VotingBenchmark.HttpVoters.Session session = sessions.get(i);
                        try {
                            if (http.castOne(client, session, options.get(i % options.size()))) {
                                acknowledged.add(session.username());
                                killPoint.countDown();
                            } else {
                                failed.incrementAndGet();
                            }
                        } catch (IOException e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            killPoint.await(5, TimeUnit.MINUTES);
            app.destroyForcibly();
            app.waitFor(30, TimeUnit.SECONDS);
            killedAfterMillis = (System.nanoTime() - start) / 1_000_000;
            int atKill = acknowledged.size();
            for (Future<?> part : parts) {
                part.get(2, TimeUnit.MINUTES);
            }
            pool.shutdownNow();
            line("SIGKILL after %d ms with %d ballots acknowledged (exit value %d); in flight or after: %d more "
                + "acknowledged, %d refused or cut off", killedAfterMillis, atKill, app.exitValue(),
                acknowledged.size() - atKill, failed.get());
        } finally {
            app.destroyForcibly();
        }

        // 3. started again on the same database: it must come up and hold every acknowledged ballot once
        Process again = start(database, port, buildDirectory.resolve("crash-run-2.log"));
        try {
            long restart = System.nanoTime();
            awaitUp(base, again);
            line("Restarted on the same database in %.1f s", (System.nanoTime() - restart) / 1e9);
        } finally {
            again.destroy();
            again.waitFor(60, TimeUnit.SECONDS);
        }
        Set<Long> stored = new HashSet<>();
        long rows;
        try (Connection connection = DriverManager.getConnection(url, user, password);
                var select = connection.prepareStatement("select voter_ref from ballot where vote_id = ?")) {
            select.setLong(1, voteId);
            rows = 0;
            try (var result = select.executeQuery()) {
                while (result.next()) {
                    stored.add(result.getLong(1));
                    rows++;
                }
            }
        }
        Set<Long> acknowledgedIds = new HashSet<>();
        acknowledged.forEach(name -> acknowledgedIds.add(idByUsername.get(name)));
        Set<Long> lost = new HashSet<>(acknowledgedIds);
        lost.removeAll(stored);
        Set<Long> unacknowledged = new HashSet<>(stored);
        unacknowledged.removeAll(acknowledgedIds);
        line("After the restart: %d ballot rows, %d distinct voters; %d acknowledged → lost %d, duplicate %d, stored "
            + "without acknowledgement %d (committed, answer cut off by the kill)", rows, stored.size(),
            acknowledgedIds.size(), lost.size(), rows - stored.size(), unacknowledged.size());
        line("Result: %s", lost.isEmpty() && rows == stored.size() ? "every acknowledged ballot survived the kill"
            : "BALLOTS LOST OR DUPLICATED");
        Path file = buildDirectory.resolve("bench-report-voting-crash.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report.toString());
        System.out.println("Report written to " + file.toAbsolutePath());
        Assertions.assertEquals(Set.of(), lost, "acknowledged ballots lost");
        Assertions.assertEquals(stored.size(), rows, "duplicate ballots");
    }

    /** The application in its own JVM, on the benchmark's class path, output into a log file. */
    private static Process start(List<String> database, int port, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
            StadtdialogApplication.class.getName(), "--spring.profiles.active=demo", "--server.port=" + port,
            "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN",
            "--spring.main.banner-mode=off"));
        command.addAll(database);
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
            .directory(new File(".")).start();
    }

    /** Polls a public page until it answers 200 (or the process has died). */
    private static void awaitUp(String base, Process process) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(base
                    + "/oeffentlich/barrierefreiheit")).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(250, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("The application did not come up within 3 minutes");
    }

    private void line(String format, Object... args) {
        String text = args.length == 0 ? format : String.format(format, args);
        System.out.println(text);
        System.out.flush();
        report.append(text).append('\n');
    }
}
