package de.stadtdialog.lottery.internal;

import java.util.List;

import de.stadtdialog.lottery.PanelComposition;

/**
 * Rounds a distribution over compositions to m equally likely panels: each composition gets
 * floor(m * weight) panels, and the remaining ones go, one at a time, to the composition (not yet given an
 * extra panel, with a fractional remainder) whose extra panel keeps the sum of squared deviations of the type
 * probabilities smallest. Every composition thus ends within one panel of m * weight.
 */
public final class TableRounding {

    private TableRounding() {
    }

    /** Panels per composition, summing to {@code m}. */
    public static int[] round(List<PanelComposition> compositions, double[] weights, int[] typeCounts, int m) {
        int columns = compositions.size();
        int[][] typesOf = new int[columns][];
        double[][] stepsOf = new double[columns][];
        for (int p = 0; p < columns; p++) {
            PanelComposition composition = compositions.get(p);
            int nonZero = 0;
            for (int t = 0; t < typeCounts.length; t++) {
                if (composition.seats(t) > 0) {
                    nonZero++;
                }
            }
            typesOf[p] = new int[nonZero];
            stepsOf[p] = new double[nonZero];
            int i = 0;
            for (int t = 0; t < typeCounts.length; t++) {
                if (composition.seats(t) > 0) {
                    typesOf[p][i] = t;
                    stepsOf[p][i++] = (double) composition.seats(t) / typeCounts[t];
                }
            }
        }
        int[] panels = new int[columns];
        double[] deviation = new double[typeCounts.length];
        boolean[] candidate = new boolean[columns];
        long assigned = 0;
        for (int p = 0; p < columns; p++) {
            double exact = m * weights[p];
            panels[p] = (int) Math.floor(exact);
            candidate[p] = exact - panels[p] > 0;
            assigned += panels[p];
            for (int i = 0; i < typesOf[p].length; i++) {
                deviation[typesOf[p][i]] += (panels[p] - exact) * stepsOf[p][i];
            }
        }
        for (long remaining = m - assigned; remaining > 0; remaining--) {
            int best = -1;
            double bestChange = Double.POSITIVE_INFINITY;
            for (int p = 0; p < columns; p++) {
                if (!candidate[p]) {
                    continue;
                }
                double change = 0;
                for (int i = 0; i < typesOf[p].length; i++) {
                    double step = stepsOf[p][i];
                    change += step * (2 * deviation[typesOf[p][i]] + step);
                }
                if (change < bestChange) {
                    bestChange = change;
                    best = p;
                }
            }
            if (best < 0) {
                best = largestWeight(weights);
            }
            panels[best]++;
            candidate[best] = false;
            for (int i = 0; i < typesOf[best].length; i++) {
                deviation[typesOf[best][i]] += stepsOf[best][i];
            }
        }
        return panels;
    }

    private static int largestWeight(double[] weights) {
        int best = 0;
        for (int p = 1; p < weights.length; p++) {
            if (weights[p] > weights[best]) {
                best = p;
            }
        }
        return best;
    }
}
