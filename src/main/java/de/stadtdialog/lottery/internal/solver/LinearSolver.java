package de.stadtdialog.lottery.internal.solver;

/**
 * A solver for {@link LinearModel}s: GLOP/SCIP through OR-Tools today, anything else tomorrow. A session stays
 * attached to one model and takes over rows added and objectives set since its last solve, so a solver can warm
 * start; callers that distrust a warm start close the session and open a new one (a rebuild from scratch).
 */
public interface LinearSolver {

    Session open(LinearModel model);

    /** Name and version, recorded in the audit bundle. */
    String version();

    interface Session extends AutoCloseable {

        /** Solves the model as it is now. {@code timeLimitMillis <= 0} means no limit. */
        Solution solve(long timeLimitMillis);

        @Override
        void close();
    }

    enum Status {
        OPTIMAL,
        /** A limit was reached with a feasible point (MIP) that is not proven optimal. */
        FEASIBLE,
        INFEASIBLE,
        UNBOUNDED,
        /** A limit was reached without any feasible point. */
        NOT_SOLVED,
        ERROR
    }

    /**
     * One answer. {@code duals} holds a value per row for LPs ({@code null} for MIPs), in the sign convention of
     * the Lagrangian {@code objective - sum(dual * row)}: for a minimisation, a binding {@code <=} row has a
     * non-positive dual.
     */
    record Solution(Status status, double objective, double[] values, double[] duals) {

        public boolean hasPoint() {
            return status == Status.OPTIMAL || status == Status.FEASIBLE;
        }
    }
}
