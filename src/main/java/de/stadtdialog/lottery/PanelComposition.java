package de.stadtdialog.lottery;

import java.util.Arrays;

/**
 * A panel up to the choice of people within each type: how many seats each {@link ProfileType} gets (indexed like
 * {@link LotteryInput#types()}). Which members of a type take those seats is drawn uniformly.
 */
public final class PanelComposition {

    private final int[] seats;

    public PanelComposition(int[] seats) {
        this.seats = seats.clone();
    }

    public int seats(int typeIndex) {
        return seats[typeIndex];
    }

    public int typeCount() {
        return seats.length;
    }

    public int[] toArray() {
        return seats.clone();
    }

    public int total() {
        return Arrays.stream(seats).sum();
    }

    /** Whether this panel fills exactly the seats, stays within each type's size and meets every quota. */
    public boolean isValidFor(LotteryInput input) {
        return violation(input) == null;
    }

    /** The first rule this panel breaks, in German; {@code null} if none. */
    public String violation(LotteryInput input) {
        if (seats.length != input.types().size()) {
            return "Die Zusammensetzung nennt " + seats.length + " Typen, der Pool hat " + input.types().size() + ".";
        }
        for (int t = 0; t < seats.length; t++) {
            ProfileType type = input.types().get(t);
            if (seats[t] < 0 || seats[t] > type.count()) {
                return "Typ " + type.code() + " hat " + seats[t] + " Sitze, aber nur " + type.count()
                    + " Personen.";
            }
        }
        if (total() != input.seats()) {
            return "Die Zusammensetzung hat " + total() + " Sitze statt " + input.seats() + ".";
        }
        for (Quota quota : input.quotas()) {
            int count = 0;
            for (int t = 0; t < seats.length; t++) {
                if (input.matches(t, quota)) {
                    count += seats[t];
                }
            }
            if (count < quota.min() || count > quota.max()) {
                return quota.label() + ": " + count + " Sitze, erlaubt sind " + quota.min() + " bis " + quota.max()
                    + ".";
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PanelComposition composition && Arrays.equals(seats, composition.seats);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(seats);
    }

    @Override
    public String toString() {
        return Arrays.toString(seats);
    }
}
