package de.stadtdialog.lottery.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import de.stadtdialog.lottery.LotteryInput;
import de.stadtdialog.lottery.PanelComposition;
import de.stadtdialog.lottery.Quota;

/**
 * A fast, inexact panel search that spares most calls of the pricing MIP: from a valid composition, move one seat
 * at a time from one type to another, as long as the quotas hold and the weighted sum grows (best move first).
 * What it finds is only used if it is good enough to enter the LP; whether none exists is always left to the MIP.
 */
final class LocalSearch {

    private final int[] counts;
    /** typeValue[t][c]: index of type t's value in category c. */
    private final int[][] typeValue;
    private final int[][] minimum;
    private final int[][] maximum;

    LocalSearch(LotteryInput input) {
        List<String> categories = input.categories();
        counts = input.types().stream().mapToInt(t -> t.count()).toArray();
        typeValue = new int[counts.length][categories.size()];
        minimum = new int[categories.size()][];
        maximum = new int[categories.size()][];
        for (int c = 0; c < categories.size(); c++) {
            List<String> values = input.values(categories.get(c));
            minimum[c] = new int[values.size()];
            maximum[c] = new int[values.size()];
            for (Quota quota : input.quotas()) {
                if (quota.category().equals(categories.get(c))) {
                    int v = values.indexOf(quota.value());
                    minimum[c][v] = quota.min();
                    maximum[c][v] = quota.max();
                }
            }
            for (int t = 0; t < counts.length; t++) {
                typeValue[t][c] = values.indexOf(input.types().get(t).values().get(c));
            }
        }
    }

    /** A local optimum of {@code sum weights[t] * seats[t]} reached from {@code start} by single-seat moves. */
    PanelComposition improve(PanelComposition start, double[] weights, boolean[] excluded) {
        int types = counts.length;
        int[] seats = start.toArray();
        int[][] used = new int[minimum.length][];
        for (int c = 0; c < minimum.length; c++) {
            used[c] = new int[minimum[c].length];
            for (int t = 0; t < types; t++) {
                used[c][typeValue[t][c]] += seats[t];
            }
        }
        Integer[] byWeight = new Integer[types];
        for (int t = 0; t < types; t++) {
            byWeight[t] = t;
        }
        Arrays.sort(byWeight, Comparator.comparingDouble((Integer t) -> -weights[t]).thenComparing(t -> t));
        for (int step = 0; step < 10_000; step++) {
            int bestFrom = -1;
            int bestTo = -1;
            double bestGain = 1e-15;
            for (int from = 0; from < types; from++) {
                if (seats[from] == 0) {
                    continue;
                }
                for (int to : byWeight) {
                    double gain = weights[to] - weights[from];
                    if (gain <= bestGain) {
                        break;
                    }
                    if (to != from && !excluded[to] && seats[to] < counts[to] && movable(used, from, to)) {
                        bestGain = gain;
                        bestFrom = from;
                        bestTo = to;
                        break;
                    }
                }
            }
            if (bestFrom < 0) {
                break;
            }
            seats[bestFrom]--;
            seats[bestTo]++;
            for (int c = 0; c < minimum.length; c++) {
                used[c][typeValue[bestFrom][c]]--;
                used[c][typeValue[bestTo][c]]++;
            }
        }
        return new PanelComposition(seats);
    }

    private boolean movable(int[][] used, int from, int to) {
        for (int c = 0; c < minimum.length; c++) {
            int a = typeValue[from][c];
            int b = typeValue[to][c];
            if (a != b && (used[c][a] - 1 < minimum[c][a] || used[c][b] + 1 > maximum[c][b])) {
                return false;
            }
        }
        return true;
    }

    /** Indices of the {@code limit} compositions with the highest weighted sums, best first. */
    static List<Integer> best(List<PanelComposition> compositions, double[] weights, int limit) {
        List<Integer> indices = new ArrayList<>();
        double[] values = new double[compositions.size()];
        for (int p = 0; p < compositions.size(); p++) {
            values[p] = value(compositions.get(p), weights);
            indices.add(p);
        }
        indices.sort(Comparator.comparingDouble((Integer p) -> -values[p]).thenComparing(p -> p));
        return indices.subList(0, Math.min(limit, indices.size()));
    }

    static double value(PanelComposition composition, double[] weights) {
        double sum = 0;
        for (int t = 0; t < weights.length; t++) {
            sum += weights[t] * composition.seats(t);
        }
        return sum;
    }
}
