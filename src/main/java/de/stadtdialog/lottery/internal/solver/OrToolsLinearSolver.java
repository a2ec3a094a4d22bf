package de.stadtdialog.lottery.internal.solver;

import java.util.ArrayList;
import java.util.List;

import com.google.ortools.Loader;
import com.google.ortools.init.OrToolsVersion;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;

/**
 * OR-Tools' MPSolver: GLOP for LPs and SCIP for MIPs by default (CLP and CBC are the fall-backs the lottery tries
 * when an answer fails its checks twice). Single-threaded, so the same model gives the same answer on every run.
 */
public final class OrToolsLinearSolver implements LinearSolver {

    /** MIP answers must be optimal to this relative gap: the lottery compares objective values to about 1e-7. */
    private static final double RELATIVE_MIP_GAP = 1e-9;

    private static boolean loaded;

    private final String lpSolverId;
    private final String mipSolverId;

    public OrToolsLinearSolver(String lpSolverId, String mipSolverId) {
        this.lpSolverId = lpSolverId;
        this.mipSolverId = mipSolverId;
    }

    public static OrToolsLinearSolver standard() {
        return new OrToolsLinearSolver("GLOP", "SCIP");
    }

    public static OrToolsLinearSolver fallback() {
        return new OrToolsLinearSolver("CLP", "CBC");
    }

    private static synchronized void loadNativeLibraries() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    @Override
    public String version() {
        loadNativeLibraries();
        return "OR-Tools " + OrToolsVersion.getVersionString() + " (" + lpSolverId + ", " + mipSolverId + ")";
    }

    @Override
    public Session open(LinearModel model) {
        loadNativeLibraries();
        String id = model.isInteger() ? mipSolverId : lpSolverId;
        MPSolver solver = MPSolver.createSolver(id);
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no solver " + id);
        }
        solver.suppressOutput();
        solver.setNumThreads(1);
        return new OrToolsSession(model, solver);
    }

    private static final class OrToolsSession implements Session {

        private final LinearModel model;
        private final MPSolver solver;
        private final List<MPVariable> variables = new ArrayList<>();
        private final List<MPConstraint> constraints = new ArrayList<>();

        OrToolsSession(LinearModel model, MPSolver solver) {
            this.model = model;
            this.solver = solver;
        }

        private void synchronise() {
            for (int i = variables.size(); i < model.variableCount(); i++) {
                LinearModel.Variable v = model.variable(i);
                variables.add(solver.makeVar(bound(v.lower()), bound(v.upper()), v.integer(), "x" + i));
            }
            for (int r = constraints.size(); r < model.rowCount(); r++) {
                LinearModel.Row row = model.row(r);
                MPConstraint constraint = solver.makeConstraint(bound(row.lower()), bound(row.upper()), "r" + r);
                for (int i = 0; i < row.indices().length; i++) {
                    constraint.setCoefficient(variables.get(row.indices()[i]), row.coefficients()[i]);
                }
                constraints.add(constraint);
            }
            MPObjective objective = solver.objective();
            objective.clear();
            for (int i = 0; i < variables.size(); i++) {
                double c = model.objectiveCoefficient(i);
                if (c != 0.0) {
                    objective.setCoefficient(variables.get(i), c);
                }
            }
            if (model.maximise()) {
                objective.setMaximization();
            } else {
                objective.setMinimization();
            }
        }

        private static double bound(double value) {
            if (value == Double.POSITIVE_INFINITY) {
                return MPSolver.infinity();
            }
            if (value == Double.NEGATIVE_INFINITY) {
                return -MPSolver.infinity();
            }
            return value;
        }

        @Override
        public Solution solve(long timeLimitMillis) {
            synchronise();
            solver.setTimeLimit(timeLimitMillis > 0 ? timeLimitMillis : 0);
            MPSolverParameters parameters = new MPSolverParameters();
            if (model.isInteger()) {
                parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, RELATIVE_MIP_GAP);
            }
            MPSolver.ResultStatus result;
            try {
                result = solver.solve(parameters);
            } finally {
                parameters.delete();
            }
            Status status = switch (result) {
                case OPTIMAL -> Status.OPTIMAL;
                case FEASIBLE -> Status.FEASIBLE;
                case INFEASIBLE -> Status.INFEASIBLE;
                case UNBOUNDED -> Status.UNBOUNDED;
                case NOT_SOLVED -> Status.NOT_SOLVED;
                default -> Status.ERROR;
            };
            if (status != Status.OPTIMAL && status != Status.FEASIBLE) {
                return new Solution(status, Double.NaN, null, null);
            }
            double[] values = new double[variables.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = variables.get(i).solutionValue();
            }
            double[] duals = null;
            if (!model.isInteger()) {
                duals = new double[constraints.size()];
                for (int r = 0; r < duals.length; r++) {
                    duals[r] = constraints.get(r).dualValue();
                }
            }
            return new Solution(status, solver.objective().value(), values, duals);
        }

        @Override
        public void close() {
            solver.delete();
        }
    }
}
