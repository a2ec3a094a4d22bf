package de.stadtdialog.lottery.internal;

import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.stadtdialog.lottery.internal.solver.LinearModel;
import de.stadtdialog.lottery.internal.solver.LinearSolver;
import de.stadtdialog.lottery.internal.solver.LinearSolver.Solution;
import de.stadtdialog.lottery.internal.solver.LinearSolver.Status;

/**
 * Solves one model and trusts no answer unchecked. An answer whose status is not the expected one, or that
 * {@code problem} rejects, is solved again from a freshly built model (a warm start can go wrong after changes),
 * then with the next solver; only when all of them fail does the lottery give up.
 */
final class CheckedSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CheckedSession.class);

    private final LinearModel model;
    private final List<LinearSolver> solvers;
    private final Function<Solution, String> problem;
    private int solverIndex;
    private boolean knownFeasible;
    private LinearSolver.Session session;

    /**
     * @param problem what is wrong with an OPTIMAL or FEASIBLE answer ({@code null}: nothing); answers
     *                without a point (time limit, infeasible) are passed through as they are
     */
    CheckedSession(LinearModel model, List<LinearSolver> solvers, Function<Solution, String> problem) {
        this.model = model;
        this.solvers = solvers;
        this.problem = problem;
    }

    Solution solve(long timeLimitMillis) {
        boolean fresh = session == null;
        String lastProblem = null;
        while (solverIndex < solvers.size()) {
            if (session == null) {
                session = solvers.get(solverIndex).open(model);
                fresh = true;
            }
            long started = System.nanoTime();
            Solution solution = session.solve(timeLimitMillis);
            boolean limitReached = timeLimitMillis > 0
                && (System.nanoTime() - started) / 1_000_000 >= timeLimitMillis;
            // under a time limit, a solver may give up without a point in other ways than NOT_SOLVED (GLOP
            // answers ABNORMAL); one fresh retry, then it counts as the limit reached
            boolean stoppedLp = !model.isInteger() && solution.status() == Status.FEASIBLE;
            if ((!solution.hasPoint() || stoppedLp) && (limitReached || timeLimitMillis > 0 && fresh)) {
                return new Solution(Status.NOT_SOLVED, Double.NaN, null, null);
            }
            if (solution.status() == Status.NOT_SOLVED
                || solution.status() == Status.INFEASIBLE && !knownFeasible) {
                return solution;
            }
            lastProblem = solution.hasPoint() ? problem.apply(solution) : "status " + solution.status();
            if (lastProblem == null) {
                return solution;
            }
            if (fresh) {
                log.warn("{} answered {} on a {} from scratch, which fails the check ({}); trying the next solver",
                    solvers.get(solverIndex).version(), solution.status(), model, lastProblem);
            } else {
                // known to happen with warm starts: the rebuilt model usually solves
                log.info("{} answered {}, which fails the check ({}); rebuilding the model",
                    solvers.get(solverIndex).version(), solution.status(), lastProblem);
            }
            session.close();
            session = null;
            if (fresh) {
                solverIndex++;
            }
        }
        throw new IllegalStateException("No solver gave a valid answer: " + lastProblem);
    }

    /** From now on an answer "infeasible" is wrong: a feasible point is known. */
    void knownFeasible() {
        knownFeasible = true;
    }

    /** The solver that gave the last answer. */
    String solverVersion() {
        return solvers.get(Math.min(solverIndex, solvers.size() - 1)).version();
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
