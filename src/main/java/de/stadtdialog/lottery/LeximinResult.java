package de.stadtdialog.lottery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * LEXIMIN selection probabilities and a distribution over panel compositions that realises them.
 * {@code truncated}: the time budget ended the computation early; the distribution is valid (every panel meets
 * the quotas) but later leximin levels may be lower than optimal. {@code neverSelectableTypes}: types that no
 * panel meeting the quotas can contain (probability 0), to be listed before the draw.
 */
public record LeximinResult(LotteryInput input, double[] typeProbabilities, List<PanelComposition> compositions,
                            double[] weights, boolean truncated, List<Integer> neverSelectableTypes,
                            Statistics statistics, String solverVersion) {

    /** How the computation went, for logs and the benchmark. */
    public record Statistics(int levels, int compositionsGenerated, int pricingRounds, Duration firstLevel,
                             Duration total) {
    }

    public LeximinResult {
        typeProbabilities = typeProbabilities.clone();
        weights = weights.clone();
        compositions = List.copyOf(compositions);
        neverSelectableTypes = List.copyOf(neverSelectableTypes);
    }

    @Override
    public double[] typeProbabilities() {
        return typeProbabilities.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    public double typeProbability(int typeIndex) {
        return typeProbabilities[typeIndex];
    }

    public double probabilityOf(String personId) {
        return typeProbabilities[input.typeIndexOf(personId)];
    }

    public double minimumProbability() {
        double min = Double.POSITIVE_INFINITY;
        for (double p : typeProbabilities) {
            min = Math.min(min, p);
        }
        return min;
    }

    public double maximumProbability() {
        double max = 0;
        for (double p : typeProbabilities) {
            max = Math.max(max, p);
        }
        return max;
    }

    /** Ids of the people who can never be selected, sorted. */
    public List<String> neverSelectable() {
        List<String> ids = new ArrayList<>();
        for (int t : neverSelectableTypes) {
            ids.addAll(input.types().get(t).memberIds());
        }
        ids.sort(null);
        return ids;
    }
}
