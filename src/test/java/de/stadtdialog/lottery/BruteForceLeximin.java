package de.stadtdialog.lottery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * The reference the column generation is measured against, for pools of at most about 12 people: every panel of
 * k people that meets the quotas is enumerated, and leximin is computed over persons (not types) the textbook
 * way - maximise the minimum over the people not yet fixed; then, for each of them, maximise their own
 * probability with every other person kept at or above that minimum; those who cannot rise are fixed.
 */
final class BruteForceLeximin {

    private static final double TOLERANCE = 1e-8;

    private BruteForceLeximin() {
    }

    /** Leximin probability per person, in the order of {@code input.people()}. */
    static double[] probabilities(LotteryInput input) {
        Loader.loadNativeLibraries();
        List<boolean[]> panels = panels(input);
        int n = input.people().size();
        boolean[] fixed = new boolean[n];
        double[] fixedAt = new double[n];
        while (!allTrue(fixed)) {
            double level = solve(panels, fixed, fixedAt, -1, Double.NaN);
            int newlyFixed = 0;
            boolean[] fixNow = new boolean[n];
            for (int i = 0; i < n; i++) {
                if (!fixed[i] && solve(panels, fixed, fixedAt, i, level) <= level + 1e-7) {
                    fixNow[i] = true;
                    newlyFixed++;
                }
            }
            if (newlyFixed == 0) {
                throw new IllegalStateException("no person fixed at level " + level);
            }
            for (int i = 0; i < n; i++) {
                if (fixNow[i]) {
                    fixed[i] = true;
                    fixedAt[i] = level;
                }
            }
        }
        return fixedAt;
    }

    /** All panels (as membership per person) of k people meeting the quotas. */
    static List<boolean[]> panels(LotteryInput input) {
        List<boolean[]> panels = new ArrayList<>();
        int n = input.people().size();
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) != input.seats()) {
                continue;
            }
            boolean meets = true;
            for (Quota quota : input.quotas()) {
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0 && quota.value().equals(input.people().get(i).feature(quota.category()))) {
                        count++;
                    }
                }
                meets &= count >= quota.min() && count <= quota.max();
            }
            if (meets) {
                boolean[] members = new boolean[n];
                for (int i = 0; i < n; i++) {
                    members[i] = (mask & (1 << i)) != 0;
                }
                panels.add(members);
            }
        }
        return panels;
    }

    /**
     * {@code raise < 0}: the highest minimum over unfixed people. Otherwise: the highest probability of person
     * {@code raise} while every unfixed person keeps at least {@code level}.
     */
    private static double solve(List<boolean[]> panels, boolean[] fixed, double[] fixedAt, int raise,
                                double level) {
        MPSolver solver = MPSolver.createSolver("GLOP");
        try {
            int n = fixed.length;
            MPVariable[] lambda = solver.makeNumVarArray(panels.size(), 0, 1);
            MPConstraint total = solver.makeConstraint(1, 1);
            for (MPVariable variable : lambda) {
                total.setCoefficient(variable, 1);
            }
            MPVariable z = solver.makeNumVar(-1, 1, "z");
            MPConstraint[] probability = new MPConstraint[n];
            for (int i = 0; i < n; i++) {
                double lower = fixed[i] ? fixedAt[i] - TOLERANCE : raise < 0 ? 0 : level - TOLERANCE;
                probability[i] = solver.makeConstraint(lower, MPSolver.infinity());
                for (int p = 0; p < panels.size(); p++) {
                    if (panels.get(p)[i]) {
                        probability[i].setCoefficient(lambda[p], 1);
                    }
                }
                if (raise < 0 && !fixed[i]) {
                    probability[i].setCoefficient(z, -1);
                }
            }
            if (raise < 0) {
                solver.objective().setCoefficient(z, 1);
            } else {
                for (int p = 0; p < panels.size(); p++) {
                    if (panels.get(p)[raise]) {
                        solver.objective().setCoefficient(lambda[p], 1);
                    }
                }
            }
            solver.objective().setMaximization();
            MPSolver.ResultStatus status = solver.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                throw new IllegalStateException("reference LP " + status + " " + Arrays.toString(fixedAt));
            }
            return solver.objective().value();
        } finally {
            solver.delete();
        }
    }

    private static boolean allTrue(boolean[] flags) {
        for (boolean flag : flags) {
            if (!flag) {
                return false;
            }
        }
        return true;
    }
}
