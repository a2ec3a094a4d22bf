package de.stadtdialog.lottery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import de.stadtdialog.lottery.internal.CounterModeGenerator;
import de.stadtdialog.lottery.internal.Csv;
import de.stadtdialog.lottery.internal.TableRounding;

/**
 * The frozen lottery table: the pool, the quotas, the types, m equally likely panel compositions numbered
 * 1..m, and everyone's selection probability (optimal, and as the table gives it). Its files are canonical
 * (the same table gives the same bytes) and {@link #commitmentHash()} - the SHA-256 of {@code commitment.txt},
 * which lists the SHA-256 of every other file - is published before the draw. A table is never edited: a
 * changed pool (e.g. a withdrawal) needs a new computation and a new commitment.
 */
public final class LotteryTable {

    public static final String FORMAT = "stadtdialog-lottery 1";
    /** Candidates for m, smallest first; the first whose rounding is good enough is taken. */
    public static final List<Integer> PANEL_COUNTS = List.of(1_000, 2_000, 5_000, 10_000, 20_000, 50_000,
        100_000, 200_000, 500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000);
    /** Rounding may move any probability by at most this share of the lowest positive optimal probability. */
    public static final double ROUNDING_TOLERANCE = 0.02;

    public static final String POOL = "pool.csv";
    public static final String QUOTAS = "quotas.csv";
    public static final String TYPES = "types.csv";
    public static final String PANELS = "panels.csv";
    public static final String PROBABILITIES = "probabilities.csv";
    public static final String COMMITMENT = "commitment.txt";
    /** The files {@code commitment.txt} lists, in this order. */
    public static final List<String> COMMITTED_FILES = List.of(POOL, QUOTAS, TYPES, PANELS, PROBABILITIES);

    private static final int DECIMALS = 9;

    private final LotteryInput input;
    private final int panels;
    private final List<PanelRange> rows;
    private final BigDecimal[] optimal;
    private final boolean truncated;
    private final String solver;

    private LotteryTable(LotteryInput input, int panels, List<PanelRange> rows, BigDecimal[] optimal,
                         boolean truncated, String solver) {
        this.input = input;
        this.panels = panels;
        this.rows = List.copyOf(rows);
        this.optimal = optimal.clone();
        this.truncated = truncated;
        this.solver = solver;
    }

    /** Rounds a leximin result with the smallest m of {@link #PANEL_COUNTS} that keeps within the tolerance. */
    public static LotteryTable of(LeximinResult result) {
        LotteryInput input = result.input();
        int[] counts = input.types().stream().mapToInt(ProfileType::count).toArray();
        BigDecimal[] optimal = new BigDecimal[counts.length];
        for (int t = 0; t < counts.length; t++) {
            optimal[t] = decimal(Math.min(1.0, Math.max(0.0, result.typeProbability(t))));
        }
        LotteryTable best = null;
        for (int m : PANEL_COUNTS) {
            int[] panelCounts = TableRounding.round(result.compositions(), result.weights(), counts, m);
            LotteryTable table = new LotteryTable(input, m,
                ranges(result.compositions(), panelCounts), optimal, result.truncated(), result.solverVersion());
            if (best == null || table.maximumRoundingDeviation() < best.maximumRoundingDeviation()) {
                best = table;
            }
            if (table.roundingWithinTolerance()) {
                return table;
            }
        }
        return best;
    }

    private static List<PanelRange> ranges(List<PanelComposition> compositions, int[] panelCounts) {
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < compositions.size(); p++) {
            if (panelCounts[p] > 0) {
                order.add(p);
            }
        }
        order.sort((a, b) -> Arrays.compare(compositions.get(b).toArray(), compositions.get(a).toArray()));
        List<PanelRange> ranges = new ArrayList<>();
        int next = 1;
        for (int p : order) {
            ranges.add(new PanelRange(next, next + panelCounts[p] - 1, compositions.get(p)));
            next += panelCounts[p];
        }
        return ranges;
    }

    public LotteryInput input() {
        return input;
    }

    /** m: the number of equally likely panels. */
    public int panels() {
        return panels;
    }

    public List<PanelRange> rows() {
        return rows;
    }

    /** The time budget ended the leximin computation early (see {@link LeximinResult#truncated()}). */
    public boolean truncated() {
        return truncated;
    }

    public String solver() {
        return solver;
    }

    public PanelRange rowOf(int panelNumber) {
        for (PanelRange row : rows) {
            if (row.contains(panelNumber)) {
                return row;
            }
        }
        throw new IllegalArgumentException("no panel " + panelNumber);
    }

    /** The leximin probability of the type, to 9 decimals. */
    public BigDecimal optimal(int typeIndex) {
        return optimal[typeIndex];
    }

    /** Panel-seats of the type in the table; divided by {@link #roundedDenominator} it is the probability. */
    public long roundedNumerator(int typeIndex) {
        long seats = 0;
        for (PanelRange row : rows) {
            seats += (long) row.size() * row.composition().seats(typeIndex);
        }
        return seats;
    }

    public long roundedDenominator(int typeIndex) {
        return (long) panels * input.types().get(typeIndex).count();
    }

    /** The probability the table gives each member of the type, to 9 decimals. */
    public BigDecimal rounded(int typeIndex) {
        return BigDecimal.valueOf(roundedNumerator(typeIndex))
            .divide(BigDecimal.valueOf(roundedDenominator(typeIndex)), DECIMALS, RoundingMode.HALF_EVEN);
    }

    public double roundedExact(int typeIndex) {
        return (double) roundedNumerator(typeIndex) / roundedDenominator(typeIndex);
    }

    public double minimumPositiveOptimal() {
        double min = Double.POSITIVE_INFINITY;
        for (BigDecimal p : optimal) {
            if (p.signum() > 0) {
                min = Math.min(min, p.doubleValue());
            }
        }
        return min;
    }

    public double maximumRoundingDeviation() {
        double max = 0;
        for (int t = 0; t < optimal.length; t++) {
            max = Math.max(max, Math.abs(roundedExact(t) - optimal[t].doubleValue()));
        }
        return max;
    }

    public boolean roundingWithinTolerance() {
        return maximumRoundingDeviation() <= ROUNDING_TOLERANCE * minimumPositiveOptimal() + 1e-9;
    }

    /** Ids of the people whom no panel of the table contains, sorted. */
    public List<String> neverSelected() {
        List<String> ids = new ArrayList<>();
        for (int t = 0; t < input.types().size(); t++) {
            if (roundedNumerator(t) == 0) {
                ids.addAll(input.types().get(t).memberIds());
            }
        }
        Collections.sort(ids);
        return ids;
    }

    /**
     * What is wrong with this table as a lottery: gaps in the numbering 1..m, and panels that do not fill exactly
     * the seats or break a quota (the first ten, then a count). Empty for a good table.
     */
    public List<String> panelProblems() {
        List<String> problems = new ArrayList<>();
        int expectedFirst = 1;
        int violations = 0;
        for (PanelRange row : rows) {
            String where = PANELS + ", Lose " + row.first() + "–" + row.last();
            if (row.first() != expectedFirst || row.last() < row.first()) {
                problems.add(where + ": Die Nummerierung ist nicht lückenlos (erwartet ab " + expectedFirst + ").");
            }
            expectedFirst = row.last() + 1;
            String violation = row.composition().violation(input);
            if (violation != null && violations++ < 10) {
                problems.add(where + ": Dieses Gremium verletzt die Quoten: " + violation);
            }
        }
        if (violations > 10) {
            problems.add("… und " + (violations - 10) + " weitere Gremien, die die Quoten verletzen.");
        }
        if (expectedFirst - 1 != panels) {
            problems.add(PANELS + ": Die Lose reichen bis " + (expectedFirst - 1) + ", laut " + COMMITMENT
                + " gibt es " + panels + ".");
        }
        return problems;
    }

    static BigDecimal decimal(double value) {
        return new BigDecimal(value).setScale(DECIMALS, RoundingMode.HALF_EVEN);
    }

    // ---- canonical files ----

    /** The committed files and {@code commitment.txt}, in the order of {@link #COMMITTED_FILES}. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(POOL, utf8(poolCsv()));
        files.put(QUOTAS, utf8(quotasCsv()));
        files.put(TYPES, utf8(typesCsv()));
        files.put(PANELS, utf8(panelsCsv()));
        files.put(PROBABILITIES, utf8(probabilitiesCsv()));
        files.put(COMMITMENT, utf8(commitmentText(files)));
        return files;
    }

    /** SHA-256 of {@code commitment.txt}, lower-case hex: the commitment published before the draw. */
    public String commitmentHash() {
        return CounterModeGenerator.hex(CounterModeGenerator.sha256(files().get(COMMITMENT)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String poolCsv() {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add("id");
        header.addAll(input.categories());
        out.append(Csv.line(header));
        for (Person person : input.people()) {
            List<String> fields = new ArrayList<>();
            fields.add(person.id());
            for (String category : input.categories()) {
                fields.add(person.feature(category));
            }
            out.append(Csv.line(fields));
        }
        return out.toString();
    }

    private String quotasCsv() {
        StringBuilder out = new StringBuilder(Csv.line("category", "value", "min", "max"));
        for (Quota quota : input.quotas()) {
            out.append(Csv.line(quota.category(), quota.value(), String.valueOf(quota.min()),
                String.valueOf(quota.max())));
        }
        return out.toString();
    }

    private String typesCsv() {
        List<String> header = new ArrayList<>(List.of("type", "count"));
        header.addAll(input.categories());
        StringBuilder out = new StringBuilder(Csv.line(header));
        for (ProfileType type : input.types()) {
            List<String> fields = new ArrayList<>(List.of(type.code(), String.valueOf(type.count())));
            fields.addAll(type.values());
            out.append(Csv.line(fields));
        }
        return out.toString();
    }

    private String panelsCsv() {
        StringBuilder out = new StringBuilder(Csv.line("first", "last", "type", "seats"));
        for (PanelRange row : rows) {
            for (int t = 0; t < input.types().size(); t++) {
                int seats = row.composition().seats(t);
                if (seats > 0) {
                    out.append(Csv.line(String.valueOf(row.first()), String.valueOf(row.last()),
                        input.types().get(t).code(), String.valueOf(seats)));
                }
            }
        }
        return out.toString();
    }

    private String probabilitiesCsv() {
        StringBuilder out = new StringBuilder(Csv.line("id", "type", "optimal", "rounded", "rounded_fraction"));
        for (Person person : input.people()) {
            int t = input.typeIndexOf(person.id());
            out.append(Csv.line(person.id(), input.types().get(t).code(), optimal[t].toPlainString(),
                rounded(t).toPlainString(), roundedNumerator(t) + "/" + roundedDenominator(t)));
        }
        return out.toString();
    }

    private String commitmentText(Map<String, byte[]> files) {
        StringBuilder out = new StringBuilder();
        out.append("format: ").append(FORMAT).append('\n');
        out.append("solver: ").append(solver).append('\n');
        out.append("seats: ").append(input.seats()).append('\n');
        out.append("people: ").append(input.people().size()).append('\n');
        out.append("types: ").append(input.types().size()).append('\n');
        out.append("panels: ").append(panels).append('\n');
        out.append("leximin: ").append(truncated ? "truncated" : "complete").append('\n');
        for (String name : COMMITTED_FILES) {
            out.append(name).append(": sha256 ")
                .append(CounterModeGenerator.hex(CounterModeGenerator.sha256(files.get(name)))).append('\n');
        }
        return out.toString();
    }

    // ---- reading a frozen table ----

    /**
     * Reads a table from its files (as written by {@link #files()}). Checks syntax and structure only; whether
     * the files are canonical, consistent and meet the quotas is for the verifier to say.
     *
     * @param files the file's bytes by name, {@code null} if missing
     */
    public static LotteryTable read(Function<String, byte[]> files) {
        Map<String, String> commitment = commitmentFields(require(files, COMMITMENT));
        String format = commitment.get("format");
        if (!FORMAT.equals(format)) {
            throw new LotteryFormatException(COMMITMENT + ": unbekanntes Format „" + format + "“ (erwartet: "
                + FORMAT + ").");
        }
        int seats = number(commitment, "seats");
        int panels = number(commitment, "panels");
        String leximin = commitment.get("leximin");
        if (!"complete".equals(leximin) && !"truncated".equals(leximin)) {
            throw new LotteryFormatException(COMMITMENT + ": „leximin“ muss „complete“ oder „truncated“ sein.");
        }
        List<Quota> quotas = readQuotas(require(files, QUOTAS));
        List<Person> people = readPool(require(files, POOL));
        LotteryInput input;
        try {
            input = LotteryInput.of(quotas, people, seats);
        } catch (LotteryInputException e) {
            throw new LotteryFormatException(POOL + " und " + QUOTAS + " ergeben keine gültige Losung: "
                + e.getMessage());
        }
        Map<String, Integer> typeIndex = new HashMap<>();
        for (int t = 0; t < input.types().size(); t++) {
            typeIndex.put(input.types().get(t).code(), t);
        }
        List<PanelRange> rows = readPanels(require(files, PANELS), typeIndex, input.types().size());
        BigDecimal[] optimal = readOptimal(require(files, PROBABILITIES), input);
        return new LotteryTable(input, panels, rows, optimal, "truncated".equals(leximin),
            commitment.get("solver"));
    }

    private static byte[] require(Function<String, byte[]> files, String name) {
        byte[] bytes = files.apply(name);
        if (bytes == null) {
            throw new LotteryFormatException("Die Datei " + name + " fehlt.");
        }
        return bytes;
    }

    static Map<String, String> commitmentFields(byte[] bytes) {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty() && i == lines.length - 1) {
                break;
            }
            int colon = lines[i].indexOf(": ");
            if (colon <= 0) {
                throw new LotteryFormatException(COMMITMENT + ", Zeile " + (i + 1) + ": erwartet „Name: Wert“.");
            }
            fields.put(lines[i].substring(0, colon), lines[i].substring(colon + 2));
        }
        return fields;
    }

    private static int number(Map<String, String> fields, String key) {
        String value = fields.get(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new LotteryFormatException(COMMITMENT + ": „" + key + "“ muss eine ganze Zahl sein (gefunden: „"
                + value + "“).");
        }
    }

    private static List<Csv.Record> records(String name, byte[] bytes) {
        try {
            List<Csv.Record> records = Csv.parse(name, bytes);
            if (records.isEmpty()) {
                throw new LotteryFormatException(name + " ist leer.");
            }
            int width = records.get(0).fields().size();
            for (Csv.Record record : records) {
                if (record.fields().size() != width) {
                    throw new LotteryFormatException(name + ", Zeile " + record.line() + ": "
                        + record.fields().size() + " Felder statt " + width + ".");
                }
            }
            return records;
        } catch (Csv.FormatException e) {
            throw new LotteryFormatException(e.getMessage());
        }
    }

    private static int integer(String name, Csv.Record record, int column) {
        String text = record.fields().get(column);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new LotteryFormatException(name + ", Zeile " + record.line() + ": „" + text
                + "“ ist keine ganze Zahl.");
        }
    }

    private static List<Quota> readQuotas(byte[] bytes) {
        List<Csv.Record> records = records(QUOTAS, bytes);
        expectHeader(QUOTAS, records.get(0), List.of("category", "value", "min", "max"));
        List<Quota> quotas = new ArrayList<>();
        for (Csv.Record record : records.subList(1, records.size())) {
            quotas.add(new Quota(record.fields().get(0), record.fields().get(1), integer(QUOTAS, record, 2),
                integer(QUOTAS, record, 3)));
        }
        return quotas;
    }

    private static void expectHeader(String name, Csv.Record header, List<String> expected) {
        if (!header.fields().equals(expected)) {
            throw new LotteryFormatException(name + ", Zeile 1: Kopfzeile „" + String.join(",", header.fields())
                + "“, erwartet „" + String.join(",", expected) + "“.");
        }
    }

    private static List<Person> readPool(byte[] bytes) {
        List<Csv.Record> records = records(POOL, bytes);
        List<String> header = records.get(0).fields();
        if (!header.get(0).equals("id")) {
            throw new LotteryFormatException(POOL + ", Zeile 1: Die erste Spalte muss „id“ heißen.");
        }
        List<Person> people = new ArrayList<>();
        for (Csv.Record record : records.subList(1, records.size())) {
            Map<String, String> features = new LinkedHashMap<>();
            for (int c = 1; c < header.size(); c++) {
                features.put(header.get(c), record.fields().get(c));
            }
            people.add(new Person(record.fields().get(0), features));
        }
        return people;
    }

    private static List<PanelRange> readPanels(byte[] bytes, Map<String, Integer> typeIndex, int typeCount) {
        List<Csv.Record> records = records(PANELS, bytes);
        expectHeader(PANELS, records.get(0), List.of("first", "last", "type", "seats"));
        List<PanelRange> rows = new ArrayList<>();
        int first = -1;
        int last = -1;
        int[] seats = null;
        for (Csv.Record record : records.subList(1, records.size())) {
            int rowFirst = integer(PANELS, record, 0);
            int rowLast = integer(PANELS, record, 1);
            Integer type = typeIndex.get(record.fields().get(2));
            if (type == null) {
                throw new LotteryFormatException(PANELS + ", Zeile " + record.line() + ": Den Typ „"
                    + record.fields().get(2) + "“ gibt es in diesem Pool nicht.");
            }
            if (seats == null || rowFirst != first || rowLast != last) {
                if (seats != null) {
                    rows.add(new PanelRange(first, last, new PanelComposition(seats)));
                }
                first = rowFirst;
                last = rowLast;
                seats = new int[typeCount];
            }
            seats[type] += integer(PANELS, record, 3);
        }
        if (seats != null) {
            rows.add(new PanelRange(first, last, new PanelComposition(seats)));
        }
        return rows;
    }

    private static BigDecimal[] readOptimal(byte[] bytes, LotteryInput input) {
        List<Csv.Record> records = records(PROBABILITIES, bytes);
        expectHeader(PROBABILITIES, records.get(0), List.of("id", "type", "optimal", "rounded", "rounded_fraction"));
        BigDecimal[] optimal = new BigDecimal[input.types().size()];
        for (Csv.Record record : records.subList(1, records.size())) {
            String id = record.fields().get(0);
            int t;
            try {
                t = input.typeIndexOf(id);
            } catch (IllegalArgumentException e) {
                throw new LotteryFormatException(PROBABILITIES + ", Zeile " + record.line() + ": Die Person „" + id
                    + "“ steht nicht in " + POOL + ".");
            }
            if (optimal[t] == null) {
                try {
                    optimal[t] = new BigDecimal(record.fields().get(2)).setScale(DECIMALS, RoundingMode.HALF_EVEN);
                } catch (NumberFormatException e) {
                    throw new LotteryFormatException(PROBABILITIES + ", Zeile " + record.line() + ": „"
                        + record.fields().get(2) + "“ ist keine Dezimalzahl.");
                }
            }
        }
        for (int t = 0; t < optimal.length; t++) {
            if (optimal[t] == null) {
                throw new LotteryFormatException(PROBABILITIES + ": Für Typ " + input.types().get(t).code()
                    + " fehlt die Wahrscheinlichkeit.");
            }
        }
        return optimal;
    }
}
