package de.stadtdialog.lottery.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
    /** Feasibility tolerance for checking solver answers. */
    private static final double CHECK_TOLERANCE = 1e-6;

    private final LotteryInput input;
    private final LeximinOptions options;
    private final List<LinearSolver> solvers;
    private final CompositionSpace space;
    /** The pricing MIP; only its objective changes. */
    private final LinearModel panelModel;
    private final List<PanelComposition> columns = new ArrayList<>();
    private final Set<PanelComposition> known = new HashSet<>();
    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    private int pricingRounds;
    private Duration firstLevel;

    private ColumnGeneration(LotteryInput input, LeximinOptions options, List<LinearSolver> solvers) {
        this.input = input;
        this.options = options;
        this.solvers = solvers;
        this.space = new CompositionSpace(input);
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
        if (known.add(composition)) {
            columns.add(composition);
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
            MasterProgram master = new MasterProgram(fixed, fixedAt, neverSelectable);
            try (CheckedSession lp = new CheckedSession(master.model, solvers, master::problem)) {
                while (true) {
                    if (last != null && pastDeadline()) {
                        truncated = true;
                        break levelLoop;
                    }
                    master.syncColumns();
                    Solution solution = lp.solve(last == null ? 0 : remainingMillis());
                    if (solution.status() == Status.NOT_SOLVED) {
                        truncated = true;
                        break levelLoop;
                    }
                    if (solution.status() != Status.OPTIMAL) {
                        throw new IllegalStateException("restricted LP answered " + solution.status());
                    }
                    last = master.levelSolution(solution);
                    solverVersion = lp.solverVersion();

                    double[] objective = new double[typeCount];
                    for (int t = 0; t < typeCount; t++) {
                        double weight = last.u[t] / space.count(t);
                        objective[t] = weight > 1e-12 ? weight : 0.0;
                    }
                    panelModel.setObjective(objective, true);
                    pricingRounds++;
                    Solution priced = panels.solve(remainingMillis());
                    if (!priced.hasPoint()) {
                        truncated = true;
                        break levelLoop;
                    }
                    PanelComposition candidate = space.composition(priced.values());
                    double reducedValue = 0;
                    for (int t = 0; t < typeCount; t++) {
                        reducedValue += objective[t] * candidate.seats(t);
                    }
                    boolean improves = reducedValue > last.w + options.pricingTolerance();
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
                        log.debug("pricing returned a known composition with reduced value {} > w {}",
                            reducedValue, last.w);
                    }
                    break;
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
            log.debug("level {}: value {}, {} types fixed, {} compositions", levels, last.value, newlyFixed,
                columns.size());
            if (newlyFixed == 0) {
                throw new IllegalStateException("level " + levels + " fixed no type");
            }
        }
        return result(last, neverSelectable, truncated, levels, solverVersion);
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
     * The restricted dual LP of one level. Variables: u_t for every type that can be selected, then w. Rows: one
     * per composition (in the order of {@link #columns}), then the normalisation row.
     */
    private final class MasterProgram {

        final LinearModel model = new LinearModel();
        final boolean[] fixed;
        final double[] fixedAt;
        final int[] variableOfType;
        final int w;
        final int normalisationRow;
        final List<Integer> compositionRows = new ArrayList<>();
        final List<Integer> typesInModel = new ArrayList<>();

        MasterProgram(boolean[] fixed, double[] fixedAt, boolean[] neverSelectable) {
            this.fixed = fixed.clone();
            this.fixedAt = fixedAt.clone();
            int typeCount = space.typeCount();
            variableOfType = new int[typeCount];
            Arrays.fill(variableOfType, -1);
            for (int t = 0; t < typeCount; t++) {
                if (!neverSelectable[t]) {
                    variableOfType[t] = model.addVariable(0, LinearModel.INFINITY, false);
                    typesInModel.add(t);
                }
            }
            w = model.addVariable(Double.NEGATIVE_INFINITY, LinearModel.INFINITY, false);
            List<Integer> open = new ArrayList<>();
            for (int t : typesInModel) {
                if (!fixed[t]) {
                    open.add(variableOfType[t]);
                }
            }
            double[] ones = new double[open.size()];
            Arrays.fill(ones, 1.0);
            normalisationRow = model.addRow(1, 1, open.stream().mapToInt(Integer::intValue).toArray(), ones);
            double[] objective = new double[model.variableCount()];
            objective[w] = 1;
            for (int t : typesInModel) {
                if (fixed[t]) {
                    objective[variableOfType[t]] = -fixedAt[t];
                }
            }
            model.setObjective(objective, false);
        }

        void syncColumns() {
            while (compositionRows.size() < columns.size()) {
                PanelComposition composition = columns.get(compositionRows.size());
                List<Integer> indices = new ArrayList<>();
                List<Double> coefficients = new ArrayList<>();
                for (int t : typesInModel) {
                    if (composition.seats(t) > 0) {
                        indices.add(variableOfType[t]);
                        coefficients.add((double) composition.seats(t) / space.count(t));
                    }
                }
                indices.add(w);
                coefficients.add(-1.0);
                compositionRows.add(model.addRow(Double.NEGATIVE_INFINITY, 0,
                    indices.stream().mapToInt(Integer::intValue).toArray(),
                    coefficients.stream().mapToDouble(Double::doubleValue).toArray()));
            }
        }

        /** Reads u, w and lambda from an answer; {@code null}-free only for answers {@link #problem} accepted. */
        LevelSolution levelSolution(Solution solution) {
            double[] values = solution.values();
            double[] u = new double[space.typeCount()];
            for (int t : typesInModel) {
                u[t] = Math.max(0, values[variableOfType[t]]);
            }
            double[] lambda = new double[compositionRows.size()];
            for (int p = 0; p < lambda.length; p++) {
                lambda[p] = Math.max(0, -solution.duals()[compositionRows.get(p)]);
            }
            double[] probabilities = new double[space.typeCount()];
            for (int p = 0; p < lambda.length; p++) {
                PanelComposition composition = columns.get(p);
                for (int t : typesInModel) {
                    probabilities[t] += lambda[p] * composition.seats(t) / space.count(t);
                }
            }
            return new LevelSolution(u, values[w], model.objectiveValue(values), lambda, probabilities);
        }

        /**
         * Accepts an answer only as a proof of optimality: the dual point is feasible, the distribution read
         * from its duals is feasible for the primal, and the primal reaches the dual's value.
         */
        String problem(Solution solution) {
            String violation = model.violation(solution.values(), CHECK_TOLERANCE);
            if (violation != null) {
                return "dual point: " + violation;
            }
            if (solution.duals() == null || solution.duals().length != model.rowCount()) {
                return "no duals";
            }
            double sum = 0;
            for (int row : compositionRows) {
                double lambda = -solution.duals()[row];
                if (lambda < -CHECK_TOLERANCE) {
                    return "negative weight " + lambda;
                }
                sum += lambda;
            }
            if (Math.abs(sum - 1) > CHECK_TOLERANCE) {
                return "weights sum to " + sum;
            }
            LevelSolution level = levelSolution(solution);
            for (int t : typesInModel) {
                double required = fixed[t] ? fixedAt[t] : level.value;
                if (level.probabilities[t] < required - CHECK_TOLERANCE) {
                    return "type " + t + " gets " + level.probabilities[t] + " < " + required;
                }
            }
            return null;
        }
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
