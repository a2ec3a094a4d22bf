package de.stadtdialog.lottery;

import java.util.List;

/**
 * What the public draw decided, and everything needed to re-derive it: the committed table's hash, the ceremony
 * input as entered and as normalised, the seed, the drawn panel number, the members (in draw order: by type,
 * within a type in the order drawn) and the reserve list (first = first to move up).
 */
public record DrawRecord(String commitment, String ceremonyInput, String normalisedInput, String seed, int panels,
                         int panelNumber, List<String> members, List<String> reserve) {

    public DrawRecord {
        members = List.copyOf(members);
        reserve = List.copyOf(reserve);
    }

    /** 1-based position on the reserve list, or 0 if the person is not on it. */
    public int reservePosition(String personId) {
        return reserve.indexOf(personId) + 1;
    }
}
