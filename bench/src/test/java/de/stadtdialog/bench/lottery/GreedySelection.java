package de.stadtdialog.bench.lottery;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import de.stadtdialog.lottery.LotteryInput;
import de.stadtdialog.lottery.Person;
import de.stadtdialog.lottery.Quota;

/**
 * The older greedy method the leximin algorithm replaced (the Sortition Foundation's "legacy" selection), as the
 * benchmark's baseline: seat by seat, take the quota value whose unmet minimum is largest relative to the people
 * left with it, and draw one of them uniformly; people whose values are at their maximum leave the pool. A
 * dead end starts over.
 */
final class GreedySelection {

    private final LotteryInput input;
    private final List<Quota> quotas;
    private final int[][] valuesOf;

    GreedySelection(LotteryInput input) {
        this.input = input;
        this.quotas = input.quotas();
        this.valuesOf = new int[input.people().size()][];
        for (int i = 0; i < valuesOf.length; i++) {
            Person person = input.people().get(i);
            List<Integer> indices = new ArrayList<>();
            for (int q = 0; q < quotas.size(); q++) {
                if (quotas.get(q).value().equals(person.feature(quotas.get(q).category()))) {
                    indices.add(q);
                }
            }
            valuesOf[i] = indices.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Indices into {@code input.people()} of one panel. */
    int[] select(Random random) {
        while (true) {
            int[] panel = attempt(random);
            if (panel != null) {
                return panel;
            }
        }
    }

    private int[] attempt(Random random) {
        int n = valuesOf.length;
        int k = input.seats();
        boolean[] available = new boolean[n];
        java.util.Arrays.fill(available, true);
        int[] selected = new int[quotas.size()];
        int[] remaining = new int[quotas.size()];
        for (int[] values : valuesOf) {
            for (int q : values) {
                remaining[q]++;
            }
        }
        int[] panel = new int[k];
        for (int seat = 0; seat < k; seat++) {
            int urgent = -1;
            double urgency = 0;
            for (int q = 0; q < quotas.size(); q++) {
                int missing = quotas.get(q).min() - selected[q];
                if (missing > 0) {
                    if (remaining[q] < missing) {
                        return null;
                    }
                    double ratio = (double) missing / remaining[q];
                    if (ratio > urgency) {
                        urgency = ratio;
                        urgent = q;
                    }
                }
            }
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (available[i] && (urgent < 0 || contains(valuesOf[i], urgent))) {
                    candidates.add(i);
                }
            }
            if (candidates.isEmpty()) {
                return null;
            }
            int chosen = candidates.get(random.nextInt(candidates.size()));
            panel[seat] = chosen;
            available[chosen] = false;
            for (int q : valuesOf[chosen]) {
                selected[q]++;
                remaining[q]--;
            }
            for (int i = 0; i < n; i++) {
                if (available[i]) {
                    for (int q : valuesOf[i]) {
                        if (selected[q] >= quotas.get(q).max()) {
                            available[i] = false;
                            for (int r : valuesOf[i]) {
                                remaining[r]--;
                            }
                            break;
                        }
                    }
                }
            }
        }
        return panel;
    }

    private static boolean contains(int[] values, int q) {
        for (int value : values) {
            if (value == q) {
                return true;
            }
        }
        return false;
    }
}
