package de.stadtdialog.lottery.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.stadtdialog.lottery.LeximinOptions;
import de.stadtdialog.lottery.LeximinResult;
import de.stadtdialog.lottery.LotteryInput;
import de.stadtdialog.lottery.LotteryInputException;
import de.stadtdialog.lottery.PanelComposition;
import de.stadtdialog.lottery.Quota;
import de.stadtdialog.lottery.internal.solver.LinearModel;
import de.stadtdialog.lottery.internal.solver.LinearSolver;
import de.stadtdialog.lottery.internal.solver.LinearSolver.Solution;
import de.stadtdialog.lottery.internal.solver.LinearSolver.Status;
import de.stadtdialog.lottery.internal.solver.OrToolsLinearSolver;

/**
 * LEXIMIN over types by column generation (Flanigan, Gölz, Gupta, Hennig, Procaccia, Nature 596, 2021), with
 * probabilities per type instead of per person: people of one type are interchangeable, so the leximin optimum
 * gives them equal probabilities.
 *
 * <p>Level by level, the restricted dual LP over the compositions found so far
 * <pre>
 *   min  w - sum_{t fixed} f_t u_t
 *   s.t. sum_t (x_Pt / c_t) u_t &lt;= w   for every composition P found so far
 *        sum_{t not fixed} u_t = 1,  u &gt;= 0
 * </pre>
 * is solved (its duals are the distribution lambda over compositions; its value the highest minimum probability
 * of the types not yet fixed). The pricing MIP looks for a composition maximising {@code sum_t (u_t / c_t) x_t};
 * if that exceeds {@code w} by more than the pricing tolerance, the composition is added and the LP solved
 * again. Otherwise the level is done: every type with a positive dual {@code u_t} has exactly the level's value
 * in every optimal distribution (complementary slackness), so it is fixed there, and the next level begins.
 *
 * <p>Every LP answer is checked as a certificate: (u, w) must be feasible for the dual, lambda (from the LP's
 * duals) feasible for the primal, and both must have the same value; every MIP answer must be a panel that meets
 * the quotas. Failing answers are rebuilt and retried ({@link CheckedSession}).
 */
public final class ColumnGeneration {

    private static final Logger log = LoggerFactory.getLogger(ColumnGeneration.class);

    /** Duals above this mark a type as tight at its level (they sum to 1 over the types still open). */
    private static final double FIX_THRESHOLD = 1e-7;
    /** LP solves without weight after which a composition leaves the LP (until it would improve it again). */
    private static final int RETIRE_AFTER = 3;
    /** How many of the best known compositions local search starts from in each round. */
    private static final int LOCAL_SEARCH_STARTS = 16;
    /** Feasibility tolerance for checking solver answers. */
    private static final double CHECK_TOLERANCE = 1e-6;

    private final LotteryInput input;
    private final LeximinOptions options;
    private final List<LinearSolver> solvers;
    private final CompositionSpace space;
    private final LocalSearch localSearch;
    /** The pricing MIP; only its objective changes. */
    private final LinearModel panelModel;
    private final List<PanelComposition> columns = new ArrayList<>();
    private final Map<PanelComposition, Integer> known = new HashMap<>();
    /** Per composition: for how many LP solves in a row it had no weight ({@link #RETIRE_AFTER}: not in the LP). */
    private final List<Integer> idleRounds = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    private int pricingRounds;
    private int localSearchRounds;
    private int lpSolves;
    private long lpNanos;
    private long pricingNanos;
    private long localSearchNanos;
    private Duration firstLevel;

    private ColumnGeneration(LotteryInput input, LeximinOptions options, List<LinearSolver> solvers) {
        this.input = input;
        this.options = options;
        this.solvers = solvers;
        this.space = new CompositionSpace(input);
        this.localSearch = new LocalSearch(input);
        this.panelModel = space.panelModel(new boolean[space.typeCount()]);
        this.deadlineNanos = options.timeBudget() == null ? Long.MAX_VALUE
            : startNanos + options.timeBudget().toNanos();
    }

    public static LeximinResult compute(LotteryInput input, LeximinOptions options) {
        return compute(input, options, List.of(OrToolsLinearSolver.standard(), OrToolsLinearSolver.fallback()));
    }

    static LeximinResult compute(LotteryInput input, LeximinOptions options, List<LinearSolver> solvers) {
        return new ColumnGeneration(input, options, solvers).run();
    }

    private LeximinResult run() {
        int typeCount = space.typeCount();
        boolean[] neverSelectable = new boolean[typeCount];
        try (CheckedSession panels = new CheckedSession(panelModel, solvers, this::panelProblem)) {
            panelModel.setObjective(new double[typeCount], true);
            Solution first = panels.solve(0);
            if (first.status() == Status.INFEASIBLE) {
                throw jointlyInfeasible();
            }
            panels.knownFeasible();
            add(space.composition(first.values()));
            coverTypes(panels, neverSelectable);
            return leximin(panels, neverSelectable);
        }
    }

    private String panelProblem(Solution solution) {
        String violation = panelModel.violation(solution.values(), CHECK_TOLERANCE);
        if (violation != null) {
            return violation;
        }
        return space.composition(solution.values()) == null ? "not a panel meeting the quotas" : null;
    }

    /**
     * Finds, for every type, a panel that contains it, or proves that none exists (the type can never be
     * selected): each round asks for a panel with as many seats as possible for types not yet covered.
     */
    private void coverTypes(CheckedSession panels, boolean[] neverSelectable) {
        boolean[] covered = new boolean[space.typeCount()];
        markCovered(covered);
        while (true) {
            double[] objective = new double[space.typeCount()];
            boolean open = false;
            for (int t = 0; t < objective.length; t++) {
                if (!covered[t]) {
                    objective[t] = 1;
                    open = true;
                }
            }
            if (!open) {
                return;
            }
            panelModel.setObjective(objective, true);
            Solution best = panels.solve(0);
            PanelComposition composition = space.composition(best.values());
            if (panelModel.objectiveValue(best.values()) < 0.5) {
                for (int t = 0; t < covered.length; t++) {
                    neverSelectable[t] = !covered[t];
                }
                return;
            }
            add(composition);
            markCovered(covered);
        }
    }

    /**
     * Adds the compositions that local search reaches from the best known ones, if they would enter the LP;
     * returns how many. Cheaper than the MIP by orders of magnitude, and most rounds need no proof.
     */
    private int improveByLocalSearch(double[] weights, double w, boolean[] neverSelectable) {
        long started = System.nanoTime();
        int added = 0;
        for (int start : LocalSearch.best(columns, weights, LOCAL_SEARCH_STARTS)) {
            PanelComposition improved = localSearch.improve(columns.get(start), weights, neverSelectable);
            if (LocalSearch.value(improved, weights) > w + options.pricingTolerance()
                && improved.isValidFor(input) && add(improved)) {
                added++;
            }
        }
        if (added > 0) {
            localSearchRounds++;
        }
        localSearchNanos += System.nanoTime() - started;
        return added;
    }

    private void markCovered(boolean[] covered) {
        for (PanelComposition column : columns) {
            for (int t = 0; t < covered.length; t++) {
                covered[t] |= column.seats(t) > 0;
            }
        }
    }

    private boolean add(PanelComposition composition) {
        if (composition == null) {
            throw new IllegalStateException("checked answer is no panel");
        }
        Integer index = known.putIfAbsent(composition, columns.size());
        if (index == null) {
            columns.add(composition);
            idleRounds.add(0);
            return true;
        }
        if (idleRounds.get(index) >= RETIRE_AFTER) {
            idleRounds.set(index, 0);
            return true;
        }
        return false;
    }

    /** One verified solution of a level's restricted dual LP. */
    private record LevelSolution(double[] u, double w, double value, double[] lambda, double[] probabilities) {
    }

    private LeximinResult leximin(CheckedSession panels, boolean[] neverSelectable) {
        int typeCount = space.typeCount();
        boolean[] fixed = neverSelectable.clone();
        double[] fixedAt = new double[typeCount];
        int levels = 0;
        LevelSolution last = null;
        boolean truncated = false;
        String solverVersion = solvers.get(0).version();
        levelLoop:
        while (!allTrue(fixed)) {
            levels++;
            MasterProgram master = null;
            CheckedSession lp = null;
            try {
                while (true) {
                    if (last != null && pastDeadline()) {
                        truncated = true;
                        break levelLoop;
                    }
                    // OR-Tools reloads a model after any new row or variable anyway: a new LP each round costs
                    // nothing extra and keeps it to the active compositions
                    if (lp != null) {
                        lp.close();
                    }
                    master = new MasterProgram(fixed, fixedAt, neverSelectable, activeColumns());
                    lp = new CheckedSession(master.model, solvers, master::problem);
                    lp.knownFeasible();
                    long lpStart = System.nanoTime();
                    Solution solution = lp.solve(last == null ? 0 : remainingMillis());
                    solverVersion = lp.solverVersion();
                    lpNanos += System.nanoTime() - lpStart;
                    lpSolves++;
                    if (solution.status() == Status.NOT_SOLVED) {
                        truncated = true;
                        break levelLoop;
                    }
                    last = master.levelSolution(solution);
                    if (log.isTraceEnabled()) {
                        log.trace("LP {} value {} ({} active)", lpSolves, last.value, master.compositions.size());
                    }
                    retireIdleColumns(last.lambda);

                    double[] objective = new double[typeCount];
                    for (int t = 0; t < typeCount; t++) {
                        double weight = last.u[t] / space.count(t);
                        objective[t] = weight > 1e-12 ? weight : 0.0;
                    }
                    if (reactivateRetired(objective, last.w) + improveByLocalSearch(objective, last.w, neverSelectable)
                        > 0) {
                        continue;
                    }
                    panelModel.setObjective(objective, true);
                    pricingRounds++;
                    long pricingStart = System.nanoTime();
                    Solution priced = panels.solve(remainingMillis());
                    pricingNanos += System.nanoTime() - pricingStart;
                    if (!priced.hasPoint()) {
                        truncated = true;
                        break levelLoop;
                    }
                    PanelComposition candidate = space.composition(priced.values());
                    boolean improves = LocalSearch.value(candidate, objective) > last.w + options.pricingTolerance();
                    if (improves && add(candidate)) {
                        if (priced.status() != Status.OPTIMAL) {
                            truncated = true;
                            break levelLoop;
                        }
                        continue;
                    }
                    if (priced.status() != Status.OPTIMAL) {
                        truncated = true;
                        break levelLoop;
                    }
                    if (improves) {
                        log.debug("pricing returned an active composition with reduced value above w {}", last.w);
                    }
                    break;
                }
            } finally {
                if (lp != null) {
                    lp.close();
                }
            }
            if (firstLevel == null) {
                firstLevel = elapsed();
            }
            int newlyFixed = 0;
            for (int t = 0; t < typeCount; t++) {
                if (!fixed[t] && last.u[t] > FIX_THRESHOLD) {
                    fixed[t] = true;
                    fixedAt[t] = last.value;
                    newlyFixed++;
                }
            }
            log.debug("level {} after {} ms (LP {} ms in {} solves, MIP pricing {} ms in {} rounds, local search {} "
                    + "ms in {} rounds): value {}, {} types fixed, {} compositions known, {} active", levels,
                elapsed().toMillis(), lpNanos / 1_000_000, lpSolves, pricingNanos / 1_000_000, pricingRounds,
                localSearchNanos / 1_000_000, localSearchRounds, last.value, newlyFixed, columns.size(),
                activeColumns().size());
            if (newlyFixed == 0) {
                throw new IllegalStateException("level " + levels + " fixed no type");
            }
        }
        return result(last, neverSelectable, truncated, levels, solverVersion);
    }

    private List<Integer> activeColumns() {
        List<Integer> indices = new ArrayList<>();
        for (int p = 0; p < columns.size(); p++) {
            if (idleRounds.get(p) < RETIRE_AFTER) {
                indices.add(p);
            }
        }
        return indices;
    }

    /**
     * Each solve starts from scratch (OR-Tools reloads the model after new rows), so the LP is kept small:
     * a composition unused by the last {@link #RETIRE_AFTER} distributions leaves it, and comes back when it
     * would improve the LP again.
     */
    private void retireIdleColumns(double[] lambda) {
        for (int p = 0; p < columns.size(); p++) {
            int idle = idleRounds.get(p);
            if (lambda[p] > 1e-12) {
                idleRounds.set(p, 0);
            } else if (idle < RETIRE_AFTER) {
                idleRounds.set(p, idle + 1);
            }
        }
    }

    private int reactivateRetired(double[] weights, double w) {
        int reactivated = 0;
        for (int p = 0; p < columns.size(); p++) {
            if (idleRounds.get(p) >= RETIRE_AFTER
                && LocalSearch.value(columns.get(p), weights) > w + options.pricingTolerance()) {
                idleRounds.set(p, 0);
                reactivated++;
            }
        }
        return reactivated;
    }

    private LeximinResult result(LevelSolution last, boolean[] neverSelectable, boolean truncated, int levels,
                                 String solverVersion) {
        int typeCount = space.typeCount();
        List<PanelComposition> used = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double sum = 0;
        for (int p = 0; p < last.lambda.length; p++) {
            if (last.lambda[p] > 1e-12) {
                used.add(columns.get(p));
                weights.add(last.lambda[p]);
                sum += last.lambda[p];
            }
        }
        double[] weightArray = new double[used.size()];
        double[] probabilities = new double[typeCount];
        for (int p = 0; p < used.size(); p++) {
            weightArray[p] = weights.get(p) / sum;
            for (int t = 0; t < typeCount; t++) {
                probabilities[t] += weightArray[p] * used.get(p).seats(t) / space.count(t);
            }
        }
        double seats = 0;
        for (int t = 0; t < typeCount; t++) {
            seats += probabilities[t] * space.count(t);
        }
        for (PanelComposition composition : used) {
            if (!composition.isValidFor(input)) {
                throw new IllegalStateException("distribution contains an invalid panel " + composition);
            }
        }
        if (Math.abs(seats - input.seats()) > CHECK_TOLERANCE) {
            throw new IllegalStateException("probabilities sum to " + seats + " instead of " + input.seats());
        }
        List<Integer> never = new ArrayList<>();
        for (int t = 0; t < typeCount; t++) {
            if (neverSelectable[t]) {
                never.add(t);
            }
        }
        LeximinResult.Statistics statistics = new LeximinResult.Statistics(levels, columns.size(), pricingRounds,
            firstLevel == null ? elapsed() : firstLevel, elapsed());
        return new LeximinResult(input, probabilities, used, weightArray, truncated, never, statistics,
            solverVersion);
    }

    /**
     * The restricted LP of one level over the active compositions, in its primal form: variables lambda_i (one
     * per composition) and z; a row per type that can be selected ({@code sum_i a_ti lambda_i - z >= 0} if open,
     * {@code >= f_t} if fixed) and {@code sum lambda = 1}; maximise z. The dual values of the type rows are u, that
     * of the last row is w.
     */
    private final class MasterProgram {

        final LinearModel model = new LinearModel();
        final boolean[] fixed;
        final double[] fixedAt;
        /** Indices into {@link #columns} of the compositions in this LP, one variable each, in order. */
        final List<Integer> compositions;
        final int z;
        final int[] rowOfType;
        final List<Integer> typesInModel = new ArrayList<>();
        final int normalisationRow;

        MasterProgram(boolean[] fixed, double[] fixedAt, boolean[] neverSelectable, List<Integer> compositions) {
            this.fixed = fixed.clone();
            this.fixedAt = fixedAt.clone();
            this.compositions = List.copyOf(compositions);
            int typeCount = space.typeCount();
            for (int i = 0; i < compositions.size(); i++) {
                model.addVariable(0, LinearModel.INFINITY, false);
            }
            z = model.addVariable(Double.NEGATIVE_INFINITY, LinearModel.INFINITY, false);
            List<List<Integer>> indices = new ArrayList<>();
            List<List<Double>> coefficients = new ArrayList<>();
            for (int t = 0; t < typeCount; t++) {
                indices.add(new ArrayList<>());
                coefficients.add(new ArrayList<>());
            }
            for (int i = 0; i < compositions.size(); i++) {
                PanelComposition composition = columns.get(compositions.get(i));
                for (int t = 0; t < typeCount; t++) {
                    if (composition.seats(t) > 0) {
                        indices.get(t).add(i);
                        coefficients.get(t).add((double) composition.seats(t) / space.count(t));
                    }
                }
            }
            rowOfType = new int[typeCount];
            Arrays.fill(rowOfType, -1);
            for (int t = 0; t < typeCount; t++) {
                if (neverSelectable[t]) {
                    continue;
                }
                typesInModel.add(t);
                if (!fixed[t]) {
                    indices.get(t).add(z);
                    coefficients.get(t).add(-1.0);
                }
                rowOfType[t] = model.addRow(fixed[t] ? fixedAt[t] : 0, LinearModel.INFINITY,
                    indices.get(t).stream().mapToInt(Integer::intValue).toArray(),
                    coefficients.get(t).stream().mapToDouble(Double::doubleValue).toArray());
            }
            int[] all = new int[compositions.size()];
            double[] ones = new double[all.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
                ones[i] = 1;
            }
            normalisationRow = model.addRow(1, 1, all, ones);
            double[] objective = new double[model.variableCount()];
            objective[z] = 1;
            model.setObjective(objective, true);
        }

        /** Reads lambda, u and w from an answer. */
        LevelSolution levelSolution(Solution solution) {
            double[] values = solution.values();
            double[] u = new double[space.typeCount()];
            for (int t : typesInModel) {
                u[t] = Math.max(0, -solution.duals()[rowOfType[t]]);
            }
            double[] lambda = new double[columns.size()];
            for (int i = 0; i < compositions.size(); i++) {
                lambda[compositions.get(i)] = Math.max(0, values[i]);
            }
            double[] probabilities = new double[space.typeCount()];
            for (int p : compositions) {
                PanelComposition composition = columns.get(p);
                for (int t : typesInModel) {
                    probabilities[t] += lambda[p] * composition.seats(t) / space.count(t);
                }
            }
            return new LevelSolution(u, solution.duals()[normalisationRow], values[z], lambda, probabilities);
        }

        /**
         * Accepts an answer only as a proof of optimality: lambda is feasible, the dual point (u, w) read from
         * the duals is feasible for the dual, and both have the same value.
         */
        String problem(Solution solution) {
            String violation = model.violation(solution.values(), CHECK_TOLERANCE);
            if (violation != null) {
                return "distribution: " + violation;
            }
            if (solution.duals() == null || solution.duals().length != model.rowCount()) {
                return "no duals";
            }
            LevelSolution level = levelSolution(solution);
            double openSum = 0;
            double dualValue = level.w;
            for (int t : typesInModel) {
                double raw = -solution.duals()[rowOfType[t]];
                if (raw < -CHECK_TOLERANCE) {
                    return "negative dual " + raw + " of type " + t;
                }
                if (fixed[t]) {
                    dualValue -= fixedAt[t] * level.u[t];
                } else {
                    openSum += level.u[t];
                }
            }
            if (Math.abs(openSum - 1) > CHECK_TOLERANCE) {
                return "duals of open types sum to " + openSum;
            }
            for (int p : compositions) {
                if (LocalSearch.value(columns.get(p), weights(level.u)) > level.w + CHECK_TOLERANCE) {
                    return "dual point violates the row of composition " + p;
                }
            }
            if (Math.abs(dualValue - level.value) > CHECK_TOLERANCE) {
                return "primal value " + level.value + " differs from dual value " + dualValue;
            }
            return null;
        }
    }

    private double[] weights(double[] u) {
        double[] weights = new double[u.length];
        for (int t = 0; t < u.length; t++) {
            weights[t] = u[t] / space.count(t);
        }
        return weights;
    }

    private LotteryInputException jointlyInfeasible() {
        LinearModel model = space.relaxationModel();
        try (CheckedSession relaxation = new CheckedSession(model, solvers,
            s -> model.violation(s.values(), CHECK_TOLERANCE))) {
            relaxation.knownFeasible();
            Solution solution = relaxation.solve(0);
            List<String> changes = new ArrayList<>();
            int typeCount = space.typeCount();
            for (int q = 0; q < input.quotas().size(); q++) {
                Quota quota = input.quotas().get(q);
                int lower = (int) Math.rint(solution.values()[typeCount + 2 * q]);
                int raise = (int) Math.rint(solution.values()[typeCount + 2 * q + 1]);
                if (lower > 0) {
                    changes.add(quota.label() + ": Minimum " + quota.min() + " → " + (quota.min() - lower));
                }
                if (raise > 0) {
                    changes.add(quota.label() + ": Maximum " + quota.max() + " → " + (quota.max() + raise));
                }
            }
            if (changes.isEmpty()) {
                throw new IllegalStateException("the solver called the quotas infeasible, but needs no relaxation");
            }
            return new LotteryInputException(List.of("Die Quoten lassen sich einzeln erfüllen, aber nicht alle "
                + "gleichzeitig: Kein Gremium mit " + input.seats() + " Sitzen erfüllt sie zusammen."), changes);
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

    private boolean pastDeadline() {
        return System.nanoTime() >= deadlineNanos;
    }

    private long remainingMillis() {
        if (deadlineNanos == Long.MAX_VALUE) {
            return 0;
        }
        return Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
