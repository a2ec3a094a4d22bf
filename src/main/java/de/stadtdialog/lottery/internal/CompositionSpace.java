package de.stadtdialog.lottery.internal;

import java.util.ArrayList;
import java.util.List;

import de.stadtdialog.lottery.LotteryInput;
import de.stadtdialog.lottery.PanelComposition;
import de.stadtdialog.lottery.Quota;
import de.stadtdialog.lottery.internal.solver.LinearModel;

/**
 * The integer points the lottery chooses from: seats per type, summing to k, within each type's size and every
 * quota. Builds the MIPs over them (panel search, relaxation of infeasible quotas) and checks points exactly.
 */
final class CompositionSpace {

    private final LotteryInput input;
    private final int[] counts;
    /** For each quota, the indices of the types with its value. */
    private final int[][] quotaMembers;

    CompositionSpace(LotteryInput input) {
        this.input = input;
        this.counts = input.types().stream().mapToInt(t -> t.count()).toArray();
        this.quotaMembers = new int[input.quotas().size()][];
        for (int q = 0; q < quotaMembers.length; q++) {
            Quota quota = input.quotas().get(q);
            List<Integer> members = new ArrayList<>();
            for (int t = 0; t < counts.length; t++) {
                if (input.matches(t, quota)) {
                    members.add(t);
                }
            }
            quotaMembers[q] = members.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    int typeCount() {
        return counts.length;
    }

    int count(int type) {
        return counts[type];
    }

    /** Variables 0..T-1 are the seats per type; {@code excluded} types are fixed at 0. */
    LinearModel panelModel(boolean[] excluded) {
        LinearModel model = new LinearModel();
        for (int t = 0; t < counts.length; t++) {
            model.addVariable(0, excluded[t] ? 0 : counts[t], true);
        }
        int k = input.seats();
        model.addRow(k, k, allTypes(), ones(counts.length));
        for (int q = 0; q < quotaMembers.length; q++) {
            Quota quota = input.quotas().get(q);
            model.addRow(quota.min(), quota.max(), quotaMembers[q], ones(quotaMembers[q].length));
        }
        return model;
    }

    /**
     * Seats per type (variables 0..T-1), then per quota how far its minimum is lowered (T + 2q) and its maximum
     * raised (T + 2q + 1); minimises the total change.
     */
    LinearModel relaxationModel() {
        LinearModel model = new LinearModel();
        for (int t = 0; t < counts.length; t++) {
            model.addVariable(0, counts[t], true);
        }
        int k = input.seats();
        double[] objective = new double[counts.length + 2 * quotaMembers.length];
        for (int q = 0; q < quotaMembers.length; q++) {
            Quota quota = input.quotas().get(q);
            int lower = model.addVariable(0, quota.min(), true);
            int raise = model.addVariable(0, k, true);
            objective[lower] = 1;
            objective[raise] = 1;
        }
        model.addRow(k, k, allTypes(), ones(counts.length));
        for (int q = 0; q < quotaMembers.length; q++) {
            Quota quota = input.quotas().get(q);
            int[] members = quotaMembers[q];
            int[] indices = new int[members.length + 1];
            System.arraycopy(members, 0, indices, 0, members.length);
            double[] coefficients = ones(indices.length);
            indices[members.length] = counts.length + 2 * q;
            model.addRow(quota.min(), LinearModel.INFINITY, indices, coefficients);
            indices = indices.clone();
            coefficients = coefficients.clone();
            indices[members.length] = counts.length + 2 * q + 1;
            coefficients[members.length] = -1;
            model.addRow(Double.NEGATIVE_INFINITY, quota.max(), indices, coefficients);
        }
        model.setObjective(objective, false);
        return model;
    }

    /** The integer point nearest to a solver's answer, or {@code null} if it is no valid panel. */
    PanelComposition composition(double[] values) {
        int[] seats = new int[counts.length];
        for (int t = 0; t < counts.length; t++) {
            double rounded = Math.rint(values[t]);
            if (Math.abs(values[t] - rounded) > 1e-6) {
                return null;
            }
            seats[t] = (int) rounded;
        }
        PanelComposition composition = new PanelComposition(seats);
        return composition.isValidFor(input) ? composition : null;
    }

    private int[] allTypes() {
        int[] indices = new int[counts.length];
        for (int t = 0; t < indices.length; t++) {
            indices[t] = t;
        }
        return indices;
    }

    private static double[] ones(int length) {
        double[] ones = new double[length];
        java.util.Arrays.fill(ones, 1.0);
        return ones;
    }
}
