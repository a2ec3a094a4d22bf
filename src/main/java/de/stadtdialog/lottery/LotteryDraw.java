package de.stadtdialog.lottery;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import de.stadtdialog.lottery.internal.CounterModeGenerator;

/**
 * The public draw from a committed {@link LotteryTable} (docs/lottery.md, "Draw"):
 * <ol>
 * <li>seed = SHA-256(commitment hash as 32 bytes ‖ normalised ceremony input as UTF-8);</li>
 * <li>panel number = 1 + below(m) from the seed's {@link CounterModeGenerator generator};</li>
 * <li>for each type in table order with s &gt; 0 seats in that panel: its members sorted by id, the first s of a
 * forward Fisher–Yates shuffle are selected;</li>
 * <li>reserve list: everyone not selected whom some panel of the table contains, sorted by id, fully shuffled
 * the same way (same generator, continuing).</li>
 * </ol>
 */
public final class LotteryDraw {

    private LotteryDraw() {
    }

    /**
     * Unicode NFC; every run of white space (Unicode's White_Space property: line breaks, tabs, no-break spaces,
     * ...) becomes one space; none at either end. "3 5\n1  6" and " 3 5 1 6 " are the same input.
     */
    public static String normalise(String ceremonyInput) {
        String text = Normalizer.normalize(ceremonyInput == null ? "" : ceremonyInput, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (isWhiteSpace(codePoint)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.appendCodePoint(codePoint);
            }
        }
        return out.toString();
    }

    /** Unicode's White_Space property, spelled out so that other implementations agree character by character. */
    static boolean isWhiteSpace(int c) {
        return c >= 0x09 && c <= 0x0D || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
            || c >= 0x2000 && c <= 0x200A || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
            || c == 0x3000;
    }

    public static byte[] seed(String commitmentHash, String normalisedInput) {
        return CounterModeGenerator.sha256(CounterModeGenerator.unhex(commitmentHash),
            normalisedInput.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws LotteryInputException if the ceremony input is empty after normalisation
     */
    public static DrawRecord draw(LotteryTable table, String ceremonyInput) {
        return draw(table, table.commitmentHash(), ceremonyInput);
    }

    /** With the commitment as published (the verifier uses the hash of the bundle's commitment.txt). */
    static DrawRecord draw(LotteryTable table, String commitment, String ceremonyInput) {
        String normalised = normalise(ceremonyInput);
        if (normalised.isEmpty()) {
            throw new LotteryInputException(List.of("Die Eingabe aus der öffentlichen Ziehung ist leer. Bitte die "
                + "gewürfelten oder gezogenen Zahlen eintragen."));
        }
        byte[] seed = seed(commitment, normalised);
        CounterModeGenerator generator = new CounterModeGenerator(seed);
        int panelNumber = 1 + generator.below(table.panels());
        PanelComposition composition = table.rowOf(panelNumber).composition();
        LotteryInput input = table.input();
        List<String> members = new ArrayList<>();
        for (int t = 0; t < input.types().size(); t++) {
            int seats = composition.seats(t);
            if (seats > 0) {
                List<String> candidates = new ArrayList<>(input.types().get(t).memberIds());
                generator.shuffleFirst(candidates, seats);
                members.addAll(candidates.subList(0, seats));
            }
        }
        Set<String> selected = new HashSet<>(members);
        List<String> reserve = new ArrayList<>();
        for (Person person : input.people()) {
            if (!selected.contains(person.id()) && table.roundedNumerator(input.typeIndexOf(person.id())) > 0) {
                reserve.add(person.id());
            }
        }
        generator.shuffleFirst(reserve, reserve.size());
        return new DrawRecord(commitment, ceremonyInput, normalised, CounterModeGenerator.hex(seed), table.panels(),
            panelNumber, members, reserve);
    }
}
