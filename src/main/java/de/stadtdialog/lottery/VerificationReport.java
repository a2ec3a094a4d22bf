package de.stadtdialog.lottery;

import java.util.List;

/**
 * What the verifier checked: {@code passed} and {@code notes} are for reading, {@code problems} says in German
 * what does not match. The bundle is confirmed only if there are no problems.
 */
public record VerificationReport(List<String> passed, List<String> notes, List<String> problems) {

    public VerificationReport {
        passed = List.copyOf(passed);
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        for (String line : passed) {
            out.append("✓ ").append(line).append('\n');
        }
        for (String line : notes) {
            out.append("• ").append(line).append('\n');
        }
        for (String line : problems) {
            out.append("✗ ").append(line).append('\n');
        }
        out.append(ok()
            ? "Ergebnis: Alles stimmt. Die Auslosung ist aus der veröffentlichten Lostabelle und der Eingabe der "
                + "Ziehung nachvollziehbar.\n"
            : "Ergebnis: " + problems.size() + (problems.size() == 1 ? " Abweichung" : " Abweichungen")
                + " gefunden. Die Auslosung ist mit diesem Prüfpaket NICHT bestätigt.\n");
        return out.toString();
    }
}
