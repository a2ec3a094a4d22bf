package de.stadtdialog.lottery;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.stadtdialog.lottery.internal.CounterModeGenerator;

/**
 * Checks an audit bundle from scratch, without a solver: every hash, every panel against the quotas, the
 * probabilities against the table, and the draw (seed, panel number, members, reserve list) against the
 * committed table and the ceremony input; finally that every file, and the ZIP itself, is in the one canonical
 * form (so that no byte of the bundle can change unnoticed). Says in German what does not match.
 */
public final class BundleVerifier {

    private final List<String> passed = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private BundleVerifier() {
    }

    public static VerificationReport verify(byte[] zip) {
        BundleVerifier verifier = new BundleVerifier();
        try {
            verifier.run(zip);
        } catch (LotteryFormatException e) {
            verifier.problems.add(e.getMessage());
        } catch (RuntimeException e) {
            verifier.problems.add("Die Prüfung musste abbrechen, das Prüfpaket ist in sich widersprüchlich: " + e);
        }
        return new VerificationReport(verifier.passed, verifier.notes, verifier.problems);
    }

    private void run(byte[] zip) {
        Map<String, byte[]> entries = AuditBundle.unzip(zip);
        if (!checkEntryNames(entries)) {
            return;
        }
        AuditBundle.Manifest manifest = AuditBundle.readManifest(entries.get(AuditBundle.MANIFEST));
        checkManifestHashes(manifest, entries);
        byte[] commitmentFile = entries.get(LotteryTable.COMMITMENT);
        String commitment = hash(commitmentFile);
        Map<String, String> committed = LotteryTable.commitmentFields(commitmentFile);
        checkCommitment(manifest, commitment, committed, entries);

        LotteryTable table = LotteryTable.read(entries::get);
        checkCanonical(table.files(), entries, LotteryTable.COMMITTED_FILES);
        checkPanels(table);
        checkProbabilities(table);

        DrawRecord recorded = AuditBundle.readDraw(entries.get(AuditBundle.DRAW));
        checkCanonical(Map.of(AuditBundle.DRAW, AuditBundle.drawJson(recorded)), entries,
            List.of(AuditBundle.DRAW));
        checkDraw(table, commitment, recorded);

        Map<String, byte[]> withoutManifest = new LinkedHashMap<>(entries);
        withoutManifest.remove(AuditBundle.MANIFEST);
        byte[] expectedManifest = AuditBundle.manifest(manifest.format(), manifest.solver(), manifest.commitment(),
            withoutManifest);
        checkCanonical(Map.of(AuditBundle.MANIFEST, expectedManifest), entries, List.of(AuditBundle.MANIFEST));
        if (Arrays.equals(AuditBundle.zip(entries), zip)) {
            passed.add("Das ZIP-Archiv ist in kanonischer Form (Reihenfolge, Zeitstempel, ohne Kompression).");
        } else {
            problems.add("Das ZIP-Archiv selbst weicht von der kanonischen Form ab (Kopfdaten, Zeitstempel, "
                + "Kompression oder Verzeichnis wurden verändert).");
        }
    }

    private boolean checkEntryNames(Map<String, byte[]> entries) {
        List<String> names = new ArrayList<>(entries.keySet());
        if (names.equals(AuditBundle.ENTRIES)) {
            passed.add("Das Archiv enthält genau die erwarteten " + names.size() + " Dateien.");
            return true;
        }
        for (String expected : AuditBundle.ENTRIES) {
            if (!entries.containsKey(expected)) {
                problems.add("Die Datei " + expected + " fehlt im Archiv.");
            }
        }
        for (String name : names) {
            if (!AuditBundle.ENTRIES.contains(name)) {
                problems.add("Unerwartete Datei im Archiv: " + name + ".");
            }
        }
        if (problems.isEmpty()) {
            problems.add("Die Dateien stehen nicht in der festgelegten Reihenfolge ("
                + String.join(", ", AuditBundle.ENTRIES) + ").");
        }
        return false;
    }

    private void checkManifestHashes(AuditBundle.Manifest manifest, Map<String, byte[]> entries) {
        int before = problems.size();
        List<String> listed = new ArrayList<>();
        for (AuditBundle.ManifestEntry entry : manifest.entries()) {
            listed.add(entry.name());
            byte[] data = entries.get(entry.name());
            if (data == null || AuditBundle.MANIFEST.equals(entry.name())) {
                problems.add("Das Manifest nennt „" + entry.name() + "“, das es im Archiv nicht (als Inhalt) gibt.");
                continue;
            }
            String actual = hash(data);
            if (!actual.equals(entry.sha256())) {
                problems.add("Die Prüfsumme von " + entry.name() + " stimmt nicht: im Manifest " + entry.sha256()
                    + ", berechnet " + actual + ".");
            }
            if (entry.size() != data.length) {
                problems.add("Die Größe von " + entry.name() + " stimmt nicht: im Manifest " + entry.size()
                    + " Bytes, tatsächlich " + data.length + ".");
            }
        }
        List<String> expected = AuditBundle.ENTRIES.subList(1, AuditBundle.ENTRIES.size());
        if (!listed.equals(expected)) {
            problems.add("Das Manifest listet " + String.join(", ", listed) + " statt " + String.join(", ", expected)
                + ".");
        }
        if (problems.size() == before) {
            passed.add("Alle " + listed.size() + " Prüfsummen (SHA-256) im Manifest stimmen.");
        }
    }

    private void checkCommitment(AuditBundle.Manifest manifest, String commitment, Map<String, String> committed,
                                 Map<String, byte[]> entries) {
        int before = problems.size();
        if (!commitment.equals(manifest.commitment())) {
            problems.add("Das Commitment im Manifest (" + manifest.commitment() + ") ist nicht der SHA-256 von "
                + LotteryTable.COMMITMENT + " (" + commitment + ").");
        }
        if (!manifest.format().equals(committed.get("format"))) {
            problems.add("Die Formatversion im Manifest („" + manifest.format() + "“) weicht von "
                + LotteryTable.COMMITMENT + " ab („" + committed.get("format") + "“).");
        }
        if (!manifest.solver().equals(committed.get("solver"))) {
            problems.add("Der Solver im Manifest („" + manifest.solver() + "“) weicht von "
                + LotteryTable.COMMITMENT + " ab („" + committed.get("solver") + "“).");
        }
        for (String name : LotteryTable.COMMITTED_FILES) {
            String line = committed.get(name);
            String actual = "sha256 " + hash(entries.get(name));
            if (!actual.equals(line)) {
                problems.add(LotteryTable.COMMITMENT + " legt für " + name + " „" + line + "“ fest, die Datei hat "
                    + "aber „" + actual + "“: Die Lostabelle wurde nach der Festlegung verändert.");
            }
        }
        if (problems.size() == before) {
            passed.add("Commitment " + commitment + ": " + LotteryTable.COMMITMENT + " legt den Pool, die Quoten, "
                + "die Typen, die Lostabelle und die Wahrscheinlichkeiten fest, und sie stimmen damit überein.");
        }
    }

    private void checkCanonical(Map<String, byte[]> expected, Map<String, byte[]> entries, List<String> names) {
        for (String name : names) {
            byte[] actual = entries.get(name);
            byte[] wanted = expected.get(name);
            if (Arrays.equals(actual, wanted)) {
                continue;
            }
            String[] actualLines = new String(actual, StandardCharsets.UTF_8).split("\n", -1);
            String[] wantedLines = new String(wanted, StandardCharsets.UTF_8).split("\n", -1);
            int line = 0;
            while (line < actualLines.length && line < wantedLines.length
                && actualLines[line].equals(wantedLines[line])) {
                line++;
            }
            String found = line < actualLines.length ? actualLines[line] : "(Dateiende)";
            String want = line < wantedLines.length ? wantedLines[line] : "(Dateiende)";
            problems.add(name + ", Zeile " + (line + 1) + ": erwartet „" + abbreviate(want) + "“, gefunden „"
                + abbreviate(found) + "“ (aus den übrigen Angaben nachgerechnet bzw. kanonische Form).");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 157) + "…";
    }

    private void checkPanels(LotteryTable table) {
        List<String> panelProblems = table.panelProblems();
        problems.addAll(panelProblems);
        if (panelProblems.isEmpty()) {
            passed.add("Alle " + String.format(Locale.GERMANY, "%,d", table.panels()) + " Lose der Lostabelle ("
                + table.rows().size() + " verschiedene Zusammensetzungen) erfüllen jede Quote und besetzen genau "
                + table.input().seats() + " Sitze.");
        }
    }

    private void checkProbabilities(LotteryTable table) {
        LotteryInput input = table.input();
        BigDecimal sum = BigDecimal.ZERO;
        for (int t = 0; t < input.types().size(); t++) {
            sum = sum.add(table.optimal(t).multiply(BigDecimal.valueOf(input.types().get(t).count())));
        }
        double tolerance = 1e-6 + 1e-9 * input.people().size();
        if (Math.abs(sum.doubleValue() - input.seats()) > tolerance) {
            problems.add(LotteryTable.PROBABILITIES + ": Die optimalen Wahrscheinlichkeiten ergeben zusammen "
                + sum.toPlainString() + " statt " + input.seats() + " (Zahl der Sitze).");
        } else {
            passed.add("Die Wahrscheinlichkeiten laut Lostabelle sind aus den Losen nachgerechnet; die optimalen "
                + "ergeben zusammen " + input.seats() + " Sitze.");
        }
        String deviation = String.format(Locale.ROOT, "%.6f", table.maximumRoundingDeviation());
        String limit = String.format(Locale.ROOT, "%.6f",
            LotteryTable.ROUNDING_TOLERANCE * table.minimumPositiveOptimal());
        if (table.roundingWithinTolerance()) {
            notes.add("Die Rundung auf " + table.panels() + " Lose verschiebt keine Wahrscheinlichkeit um mehr als "
                + deviation + " (Grenze 2 % der kleinsten: " + limit + ").");
        } else {
            notes.add("Achtung: Die Rundung auf " + table.panels() + " Lose verschiebt eine Wahrscheinlichkeit um "
                + deviation + ", mehr als 2 % der kleinsten (" + limit + ").");
        }
        if (table.truncated()) {
            notes.add("Achtung: Die Leximin-Berechnung wurde vom Zeitbudget abgebrochen (leximin: truncated); "
                + "die Lostabelle erfüllt die Quoten, ist aber womöglich nicht optimal.");
        }
        if (!table.neverSelected().isEmpty()) {
            notes.add(table.neverSelected().size() + " Person(en) konnten nie ausgelost werden (in keinem Los).");
        }
    }

    private void checkDraw(LotteryTable table, String commitment, DrawRecord recorded) {
        int before = problems.size();
        if (!recorded.commitment().equals(commitment)) {
            problems.add(AuditBundle.DRAW + ": Die Ziehung bezieht sich auf das Commitment " + recorded.commitment()
                + ", die Lostabelle hat " + commitment + ".");
        }
        String normalised = LotteryDraw.normalise(recorded.ceremonyInput());
        if (!normalised.equals(recorded.normalisedInput())) {
            problems.add(AuditBundle.DRAW + ": Die normalisierte Eingabe „" + recorded.normalisedInput()
                + "“ passt nicht zur Eingabe „" + recorded.ceremonyInput() + "“ (richtig: „" + normalised + "“).");
        }
        if (normalised.isEmpty()) {
            problems.add(AuditBundle.DRAW + ": Die Eingabe der Ziehung ist leer.");
            return;
        }
        DrawRecord derived = LotteryDraw.draw(table, commitment, recorded.ceremonyInput());
        if (!derived.seed().equals(recorded.seed())) {
            problems.add(AuditBundle.DRAW + ": Der Seed " + recorded.seed() + " ist nicht SHA-256(Commitment ‖ "
                + "Eingabe) = " + derived.seed() + ".");
        }
        if (recorded.panels() != table.panels()) {
            problems.add(AuditBundle.DRAW + ": Die Ziehung nennt " + recorded.panels() + " Lose, die Lostabelle hat "
                + table.panels() + ".");
        }
        if (derived.panelNumber() != recorded.panelNumber()) {
            problems.add(AuditBundle.DRAW + ": Gezogen wurde Los " + recorded.panelNumber() + ", aus Seed und "
                + "Lostabelle folgt aber Los " + derived.panelNumber() + ".");
        }
        if (!derived.members().equals(recorded.members())) {
            List<String> missing = new ArrayList<>(derived.members());
            missing.removeAll(recorded.members());
            List<String> extra = new ArrayList<>(recorded.members());
            extra.removeAll(derived.members());
            problems.add(AuditBundle.DRAW + ": Die Mitglieder stimmen nicht"
                + (missing.isEmpty() && extra.isEmpty() ? " (Reihenfolge)" : "")
                + (missing.isEmpty() ? "" : "; es fehlen " + String.join(", ", missing))
                + (extra.isEmpty() ? "" : "; zu Unrecht dabei: " + String.join(", ", extra)) + ".");
        }
        if (!derived.reserve().equals(recorded.reserve())) {
            int position = 0;
            while (position < derived.reserve().size() && position < recorded.reserve().size()
                && derived.reserve().get(position).equals(recorded.reserve().get(position))) {
                position++;
            }
            problems.add(AuditBundle.DRAW + ": Die Nachrückliste weicht ab Platz " + (position + 1) + " ab.");
        }
        if (problems.size() == before) {
            passed.add("Ziehung: Eingabe „" + recorded.normalisedInput() + "“ ergibt Seed " + recorded.seed()
                + ", Los " + recorded.panelNumber() + " von " + recorded.panels() + ", die " + recorded.members().size()
                + " Mitglieder und die Nachrückliste (" + recorded.reserve().size() + " Personen) – alles "
                + "nachgerechnet.");
        }
    }

    private static String hash(byte[] data) {
        return CounterModeGenerator.hex(CounterModeGenerator.sha256(data));
    }
}
