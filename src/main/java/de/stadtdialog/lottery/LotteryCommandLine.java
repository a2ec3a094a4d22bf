package de.stadtdialog.lottery;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.LoggerFactory;

/**
 * The lottery without the application (no Spring, no engine, no database), for officers preparing a draw and for
 * anyone re-checking one:
 * <pre>
 * java -jar stadtdialog.jar lottery --people people.csv [--quotas quotas.csv] --seats K [--out DIR]
 *                                   [--time-budget PT60S]
 * java -jar stadtdialog.jar draw --table DIR --input "3 5 1 6 2" [--commitment HASH] [--bundle bundle.zip]
 * java -jar stadtdialog.jar verify bundle.zip
 * </pre>
 * Exit codes: 0 done, 1 the input or the bundle is rejected (reasons on standard error), 2 wrong usage.
 */
public final class LotteryCommandLine {

    private static final Set<String> COMMANDS = Set.of("lottery", "draw", "verify");

    private final PrintStream out;
    private final PrintStream err;

    private LotteryCommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Whether the application's first argument asks for this command line instead of the server. */
    public static boolean handles(String[] args) {
        String[] own = withoutSpringOptions(args);
        return own.length > 0 && COMMANDS.contains(own[0]);
    }

    public static void main(String[] args) {
        quietLogging();
        System.exit(run(withoutSpringOptions(args), System.out, System.err));
    }

    /** {@code mvn spring-boot:run} puts the demo profile ({@code --spring.profiles.active=demo}) first. */
    private static String[] withoutSpringOptions(String[] args) {
        int first = 0;
        while (first < args.length && args[first].startsWith("--spring.")) {
            first++;
        }
        return Arrays.copyOfRange(args, first, args.length);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        LotteryCommandLine commandLine = new LotteryCommandLine(out, err);
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            return commandLine.usage("Unbekannter Befehl.");
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "lottery" -> commandLine.lottery(options(rest, Set.of("--people", "--quotas", "--seats",
                    "--out", "--time-budget")));
                case "draw" -> commandLine.draw(options(rest, Set.of("--table", "--input", "--commitment",
                    "--bundle")));
                default -> commandLine.verify(rest);
            };
        } catch (UsageException e) {
            return commandLine.usage(e.getMessage());
        } catch (LotteryInputException | LotteryFormatException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Ein-/Ausgabefehler: " + e.getMessage());
            return 1;
        }
    }

    private static final class UsageException extends Exception {

        UsageException(String message) {
            super(message);
        }
    }

    private static Map<String, String> options(List<String> args, Set<String> allowed) throws UsageException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!allowed.contains(name)) {
                throw new UsageException("Unbekannte Option „" + name + "“.");
            }
            if (i + 1 >= args.size()) {
                throw new UsageException("Zur Option " + name + " fehlt der Wert.");
            }
            if (options.put(name, args.get(++i)) != null) {
                throw new UsageException("Die Option " + name + " steht doppelt da.");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException("Die Option " + name + " fehlt.");
        }
        return value;
    }

    private int usage(String problem) {
        err.println(problem);
        err.println("""
            Aufruf:
              lottery --people people.csv [--quotas quotas.csv] --seats K [--out VERZEICHNIS] [--time-budget PT60S]
                  berechnet die Auswahlwahrscheinlichkeiten (Leximin) und die Lostabelle; mit --out werden
                  Pool, Quoten, Typen, Lostabelle, Wahrscheinlichkeiten und commitment.txt dort abgelegt.
              draw --table VERZEICHNIS --input "Würfelergebnisse" [--commitment HASH] [--bundle pruefpaket.zip]
                  zieht aus der festgelegten Lostabelle und schreibt das Prüfpaket; mit --commitment nur, wenn
                  die Tabelle die veröffentlichte ist.
              verify pruefpaket.zip
                  prüft ein Prüfpaket vollständig nach.""");
        return 2;
    }

    private int lottery(Map<String, String> options) throws UsageException, IOException {
        Path people = Path.of(required(options, "--people"));
        Path quotas = options.containsKey("--quotas") ? Path.of(options.get("--quotas")) : null;
        int seats;
        try {
            seats = Integer.parseInt(required(options, "--seats"));
        } catch (NumberFormatException e) {
            throw new UsageException("--seats braucht eine ganze Zahl.");
        }
        Duration budget = options.containsKey("--time-budget") ? duration(options.get("--time-budget")) : null;

        LotteryInput input = LotteryCsv.read(people, quotas, seats);
        LeximinResult result = Leximin.compute(input, LeximinOptions.withBudget(budget));
        LotteryTable table = LotteryTable.of(result);

        out.printf(Locale.ROOT, "Pool: %d Personen, %d Typen, %d Quoten, %d Sitze%n", input.people().size(),
            input.types().size(), input.quotas().size(), input.seats());
        out.printf(Locale.ROOT, "Leximin: %d Stufen, %d Zusammensetzungen erzeugt, %.1f s (%s)%n",
            result.statistics().levels(), result.statistics().compositionsGenerated(),
            result.statistics().total().toMillis() / 1000.0, result.solverVersion());
        if (result.truncated()) {
            out.println("ACHTUNG: Das Zeitbudget ist abgelaufen. Das Ergebnis erfüllt die Quoten, ist aber "
                + "womöglich nicht optimal (abgebrochen).");
        }
        List<String> never = table.neverSelected();
        if (!never.isEmpty()) {
            out.println("Diese " + never.size() + " Person(en) können nie ausgelost werden: "
                + String.join(", ", never));
        }
        out.printf(Locale.ROOT, "Lostabelle: %d Lose, %d Zusammensetzungen; größte Rundungsabweichung %.6f%s%n",
            table.panels(), table.rows().size(), table.maximumRoundingDeviation(),
            table.roundingWithinTolerance() ? "" : " (mehr als 2 % der kleinsten Wahrscheinlichkeit)");
        out.println("Commitment (SHA-256 von commitment.txt): " + table.commitmentHash());
        double optimalMin = Double.POSITIVE_INFINITY;
        double optimalMax = 0;
        double roundedMin = Double.POSITIVE_INFINITY;
        double roundedMax = 0;
        for (int t = 0; t < input.types().size(); t++) {
            optimalMin = Math.min(optimalMin, table.optimal(t).doubleValue());
            optimalMax = Math.max(optimalMax, table.optimal(t).doubleValue());
            roundedMin = Math.min(roundedMin, table.roundedExact(t));
            roundedMax = Math.max(roundedMax, table.roundedExact(t));
        }
        out.printf(Locale.ROOT, "min %.6f max %.6f (rounded: min %.6f max %.6f)%n", optimalMin, optimalMax,
            roundedMin, roundedMax);
        if (options.containsKey("--out")) {
            Path directory = Path.of(options.get("--out"));
            Files.createDirectories(directory);
            for (Map.Entry<String, byte[]> file : table.files().entrySet()) {
                Files.write(directory.resolve(file.getKey()), file.getValue());
            }
            out.println("Geschrieben: " + String.join(", ", table.files().keySet()) + " in " + directory);
        }
        return 0;
    }

    private static Duration duration(String text) throws UsageException {
        try {
            if (text.matches("\\d+")) {
                return Duration.ofSeconds(Long.parseLong(text));
            }
            return Duration.parse(text);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new UsageException("--time-budget erwartet eine Dauer wie PT60S oder Sekunden (gefunden: „" + text
                + "“).");
        }
    }

    private int draw(Map<String, String> options) throws UsageException, IOException {
        Path directory = Path.of(required(options, "--table"));
        String ceremonyInput = required(options, "--input");
        Path bundle = Path.of(options.getOrDefault("--bundle", directory.resolve("pruefpaket.zip").toString()));
        Map<String, byte[]> files = new HashMap<>();
        for (String name : List.of(LotteryTable.COMMITMENT, LotteryTable.POOL, LotteryTable.QUOTAS,
            LotteryTable.TYPES, LotteryTable.PANELS, LotteryTable.PROBABILITIES)) {
            Path file = directory.resolve(name);
            if (Files.exists(file)) {
                files.put(name, Files.readAllBytes(file));
            }
        }
        LotteryTable table = LotteryTable.read(files::get);
        for (Map.Entry<String, byte[]> file : table.files().entrySet()) {
            if (!Arrays.equals(file.getValue(), files.get(file.getKey()))) {
                err.println("Die Lostabelle in " + directory + " ist nicht mehr so, wie sie festgelegt wurde ("
                    + file.getKey() + " weicht ab). Eine festgelegte Lostabelle wird nie geändert; bei geändertem "
                    + "Pool ist eine neue Berechnung mit neuem Commitment nötig.");
                return 1;
            }
        }
        List<String> problems = table.panelProblems();
        if (!problems.isEmpty()) {
            err.println("Die Lostabelle in " + directory + " ist fehlerhaft:");
            problems.forEach(err::println);
            return 1;
        }
        String published = options.get("--commitment");
        if (published != null && !published.strip().equalsIgnoreCase(table.commitmentHash())) {
            err.println("Die Lostabelle in " + directory + " hat das Commitment " + table.commitmentHash()
                + ", veröffentlicht wurde " + published.strip() + ". Gezogen wird nur aus der veröffentlichten "
                + "Lostabelle.");
            return 1;
        }
        DrawRecord record = LotteryDraw.draw(table, ceremonyInput);
        Files.write(bundle, AuditBundle.write(table, record));
        out.println("Commitment: " + record.commitment());
        out.println("Eingabe (normalisiert): " + record.normalisedInput());
        out.println("Seed: " + record.seed());
        out.println("Gezogenes Los: " + record.panelNumber() + " von " + record.panels());
        out.println("Mitglieder: " + String.join(", ", record.members()));
        out.println("Nachrückliste: " + String.join(", ", record.reserve()));
        out.println("Prüfpaket: " + bundle);
        return 0;
    }

    private int verify(List<String> args) throws UsageException, IOException {
        if (args.size() != 1) {
            throw new UsageException("verify erwartet genau eine Datei (das Prüfpaket).");
        }
        Path bundle = Path.of(args.get(0));
        if (!Files.isRegularFile(bundle)) {
            err.println("Die Datei " + bundle + " gibt es nicht.");
            return 1;
        }
        VerificationReport report = BundleVerifier.verify(Files.readAllBytes(bundle));
        out.print(report.text());
        return report.ok() ? 0 : 1;
    }

    /** Without Spring Boot's logging set-up, logback would print every debug line of the solver loop. */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
            instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
