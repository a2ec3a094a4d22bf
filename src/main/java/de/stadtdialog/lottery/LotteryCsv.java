package de.stadtdialog.lottery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import de.stadtdialog.lottery.internal.Csv;

/**
 * Reads a pool and its quotas in the format of the Sortition Foundation's tools: {@code people.csv} with a column
 * {@code id} and one column per category (other columns, e.g. names, are ignored and never copied anywhere);
 * {@code quotas.csv} with the columns {@code category,value,min,max} ({@code name} or {@code feature} are
 * accepted for {@code value}; further columns such as {@code min_flex} are ignored). Messages name file and line.
 */
public final class LotteryCsv {

    private static final Set<String> VALUE_COLUMNS = Set.of("value", "name", "feature");

    private LotteryCsv() {
    }

    /** {@code quotas} may be {@code null}: a lottery without quotas (uniform selection). */
    public static LotteryInput read(Path people, Path quotas, int seats) {
        byte[] peopleBytes = readFile(people);
        byte[] quotaBytes = quotas == null ? null : readFile(quotas);
        return read(people.getFileName().toString(), peopleBytes,
            quotas == null ? null : quotas.getFileName().toString(), quotaBytes, seats);
    }

    private static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new LotteryInputException(List.of("Die Datei " + file + " gibt es nicht."));
        } catch (IOException e) {
            throw new LotteryInputException(List.of("Die Datei " + file + " lässt sich nicht lesen: "
                + e.getMessage()));
        }
    }

    public static LotteryInput read(String peopleName, byte[] peopleCsv, String quotasName, byte[] quotasCsv,
                                    int seats) {
        List<Quota> quotas = new ArrayList<>();
        List<Integer> quotaLines = new ArrayList<>();
        if (quotasCsv != null) {
            readQuotas(quotasName, quotasCsv, quotas, quotaLines);
        }
        List<Person> people = new ArrayList<>();
        List<Integer> peopleLines = new ArrayList<>();
        readPeople(peopleName, peopleCsv, quotasName, quotas, people, peopleLines);
        LotteryInput.Where where = new LotteryInput.Where() {
            @Override
            public String person(int index, Person person) {
                return peopleName + ", Zeile " + peopleLines.get(index);
            }

            @Override
            public String quota(int index, Quota quota) {
                return quotasName + ", Zeile " + quotaLines.get(index);
            }
        };
        return LotteryInput.of(quotas, people, seats, where);
    }

    private static List<Csv.Record> parse(String name, byte[] bytes) {
        try {
            return Csv.parse(name, bytes);
        } catch (Csv.FormatException e) {
            throw new LotteryInputException(List.of(e.getMessage()));
        }
    }

    private static void readQuotas(String name, byte[] bytes, List<Quota> quotas, List<Integer> lines) {
        List<Csv.Record> records = parse(name, bytes);
        if (records.isEmpty()) {
            throw new LotteryInputException(List.of(name + " ist leer: Es fehlt die Kopfzeile "
                + "„category,value,min,max“."));
        }
        Map<String, Integer> columns = header(records.get(0));
        List<String> problems = new ArrayList<>();
        Integer category = columns.get("category");
        Integer value = VALUE_COLUMNS.stream().map(columns::get).filter(i -> i != null).findFirst().orElse(null);
        Integer min = columns.get("min");
        Integer max = columns.get("max");
        if (category == null || value == null || min == null || max == null) {
            throw new LotteryInputException(List.of(name + ": Die Kopfzeile muss die Spalten „category,value,"
                + "min,max“ enthalten (gefunden: " + String.join(",", records.get(0).fields()) + ")."));
        }
        int width = records.get(0).fields().size();
        for (Csv.Record record : records.subList(1, records.size())) {
            String at = name + ", Zeile " + record.line();
            if (record.fields().size() != width) {
                problems.add(at + ": " + record.fields().size() + " Felder statt " + width + ".");
                continue;
            }
            Integer minimum = integer(at, "min", record.fields().get(min), problems);
            Integer maximum = integer(at, "max", record.fields().get(max), problems);
            if (minimum == null || maximum == null) {
                continue;
            }
            quotas.add(new Quota(record.fields().get(category), record.fields().get(value), minimum, maximum));
            lines.add(record.line());
        }
        if (!problems.isEmpty()) {
            throw new LotteryInputException(problems);
        }
    }

    private static Integer integer(String at, String column, String text, List<String> problems) {
        String trimmed = text.strip();
        try {
            int number = Integer.parseInt(trimmed);
            if (number < 0) {
                problems.add(at + ": „" + column + "“ darf nicht negativ sein (gefunden: „" + trimmed + "“).");
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            problems.add(at + ": „" + column + "“ muss eine ganze Zahl sein (gefunden: „" + trimmed + "“).");
            return null;
        }
    }

    private static void readPeople(String name, byte[] bytes, String quotasName, List<Quota> quotas,
                                   List<Person> people, List<Integer> lines) {
        List<Csv.Record> records = parse(name, bytes);
        if (records.isEmpty()) {
            throw new LotteryInputException(List.of(name + " ist leer: Es fehlt die Kopfzeile mit „id“ und einer "
                + "Spalte je Kategorie."));
        }
        List<String> headerFields = records.get(0).fields();
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Integer idColumn = null;
        for (int i = 0; i < headerFields.size(); i++) {
            String column = LotteryInput.normalise(headerFields.get(i));
            if (column.toLowerCase(Locale.ROOT).equals("id") && idColumn == null) {
                idColumn = i;
            } else if (columns.putIfAbsent(column, i) != null) {
                problems.add(name + ", Zeile " + records.get(0).line() + ": Die Spalte „" + column
                    + "“ kommt doppelt vor.");
            }
        }
        if (idColumn == null) {
            problems.add(name + ": Die Spalte „id“ fehlt (Kopfzeile: " + String.join(",", headerFields) + ").");
        }
        Map<String, Integer> categoryColumns = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Quota quota : quotas) {
            String category = LotteryInput.normalise(quota.category());
            if (category.isEmpty() || !seen.add(category)) {
                continue;
            }
            Integer column = columns.get(category);
            if (column == null) {
                problems.add(quotasName + " nennt die Kategorie „" + category + "“, aber " + name
                    + " hat keine solche Spalte" + similarColumn(category, columns.keySet()) + ".");
            } else {
                categoryColumns.put(category, column);
            }
        }
        if (!problems.isEmpty()) {
            throw new LotteryInputException(problems);
        }
        int width = headerFields.size();
        for (Csv.Record record : records.subList(1, records.size())) {
            if (record.fields().size() != width) {
                problems.add(name + ", Zeile " + record.line() + ": " + record.fields().size() + " Felder statt "
                    + width + ".");
                continue;
            }
            Map<String, String> features = new HashMap<>();
            categoryColumns.forEach((category, column) -> features.put(category, record.fields().get(column)));
            people.add(new Person(record.fields().get(idColumn), features));
            lines.add(record.line());
        }
        if (!problems.isEmpty()) {
            throw new LotteryInputException(problems);
        }
    }

    private static String similarColumn(String category, Set<String> columns) {
        for (String column : columns) {
            if (column.equalsIgnoreCase(category)) {
                return " (aber „" + column + "“ – Groß-/Kleinschreibung muss übereinstimmen)";
            }
        }
        return "";
    }

    private static Map<String, Integer> header(Csv.Record header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            columns.putIfAbsent(LotteryInput.normalise(header.fields().get(i)).toLowerCase(Locale.ROOT), i);
        }
        return columns;
    }
}
