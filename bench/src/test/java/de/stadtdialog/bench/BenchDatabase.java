package de.stadtdialog.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

/**
 * The database of one benchmark run, emptied at its start: H2 in a file below the build directory (default, as
 * the application runs without the postgres profile) or PostgreSQL ({@code -Dbench.db=postgres}).
 */
public final class BenchDatabase {

    public enum Kind {
        H2, POSTGRES
    }

    private final Kind kind;
    private final String url;
    private final String user;
    private final String password;
    private final Path h2Directory;

    private BenchDatabase(Kind kind, String url, String user, String password, Path h2Directory) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.h2Directory = h2Directory;
    }

    public static BenchDatabase configured(Path buildDirectory) {
        String db = System.getProperty("bench.db", "h2");
        if ("postgres".equalsIgnoreCase(db)) {
            return new BenchDatabase(Kind.POSTGRES,
                System.getProperty("bench.db.url", "jdbc:postgresql://localhost:5432/stadtdialog_bench"),
                System.getProperty("bench.db.user", "stadtdialog"),
                System.getProperty("bench.db.password", "stadtdialog"), null);
        }
        Path directory = buildDirectory.resolve("bench-db").toAbsolutePath();
        // identical queries on unchanged tables would otherwise be answered from H2's result cache
        return new BenchDatabase(Kind.H2,
            "jdbc:h2:file:" + directory.resolve("stadtdialog") + ";OPTIMIZE_REUSE_RESULTS=0", "sa", "", directory);
    }

    public Kind kind() {
        return kind;
    }

    /** Drops whatever an earlier run left. */
    public void reset() throws IOException, SQLException {
        if (kind == Kind.H2) {
            if (Files.exists(h2Directory)) {
                try (Stream<Path> files = Files.walk(h2Directory)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            return;
        }
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
        }
    }

    public List<String> applicationArguments() {
        List<String> args = new ArrayList<>(List.of(
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + user,
            "--spring.datasource.password=" + password));
        if (kind == Kind.POSTGRES) {
            args.add("--camunda.bpm.database.type=postgres");
        }
        return args;
    }

    /** Product, version and the settings that matter for reading the figures; fails if H2 would reuse results. */
    public String describe(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String description = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + ", "
                + url.replaceAll("password=[^;&]*", "password=…");
            if (kind == Kind.H2) {
                boolean reuse = ((org.h2.engine.SessionLocal) connection.unwrap(org.h2.jdbc.JdbcConnection.class)
                    .getSession()).getDatabase().getOptimizeReuseResults();
                if (reuse) {
                    throw new IllegalStateException("H2 still reuses query results; OPTIMIZE_REUSE_RESULTS=0 ignored");
                }
                description += " (checked: OPTIMIZE_REUSE_RESULTS is off, no cached query results)";
            }
            return description;
        }
    }
}
