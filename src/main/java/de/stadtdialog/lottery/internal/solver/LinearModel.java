package de.stadtdialog.lottery.internal.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear or mixed-integer program as plain data, independent of any solver. Solvers are handed this model and
 * every answer is checked against it here ({@link #violation}), so a wrong answer from a solver never passes
 * unnoticed, and a rebuild from scratch needs nothing but this object.
 */
public final class LinearModel {

    public static final double INFINITY = Double.POSITIVE_INFINITY;

    private final List<Variable> variables = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private double[] objective = new double[0];
    private boolean maximise;

    record Variable(double lower, double upper, boolean integer) {
    }

    record Row(double lower, double upper, int[] indices, double[] coefficients) {
    }

    public int addVariable(double lower, double upper, boolean integer) {
        variables.add(new Variable(lower, upper, integer));
        return variables.size() - 1;
    }

    public int addRow(double lower, double upper, int[] indices, double[] coefficients) {
        if (indices.length != coefficients.length) {
            throw new IllegalArgumentException("indices and coefficients differ in length");
        }
        for (int index : indices) {
            if (index < 0 || index >= variables.size()) {
                throw new IllegalArgumentException("unknown variable " + index);
            }
        }
        rows.add(new Row(lower, upper, indices.clone(), coefficients.clone()));
        return rows.size() - 1;
    }

    /** Replaces the objective; coefficients by variable index, missing ones are zero. */
    public void setObjective(double[] coefficients, boolean maximise) {
        this.objective = coefficients.clone();
        this.maximise = maximise;
    }

    public int variableCount() {
        return variables.size();
    }

    public int rowCount() {
        return rows.size();
    }

    public boolean isInteger() {
        return variables.stream().anyMatch(Variable::integer);
    }

    public boolean maximise() {
        return maximise;
    }

    Variable variable(int index) {
        return variables.get(index);
    }

    Row row(int index) {
        return rows.get(index);
    }

    double objectiveCoefficient(int variable) {
        return variable < objective.length ? objective[variable] : 0.0;
    }

    public double objectiveValue(double[] values) {
        double sum = 0;
        for (int i = 0; i < Math.min(objective.length, values.length); i++) {
            sum += objective[i] * values[i];
        }
        return sum;
    }

    public double rowActivity(int row, double[] values) {
        Row r = rows.get(row);
        double sum = 0;
        for (int i = 0; i < r.indices.length; i++) {
            sum += r.coefficients[i] * values[r.indices[i]];
        }
        return sum;
    }

    /**
     * The first way in which {@code values} break this model (a bound, a row, or integrality, each with tolerance
     * {@code tolerance}), as a sentence for logs; {@code null} if they satisfy it.
     */
    public String violation(double[] values, double tolerance) {
        if (values == null || values.length != variables.size()) {
            return "solution has " + (values == null ? "no" : values.length) + " values for "
                + variables.size() + " variables";
        }
        for (int i = 0; i < values.length; i++) {
            Variable v = variables.get(i);
            double x = values[i];
            if (!Double.isFinite(x)) {
                return "variable " + i + " is " + x;
            }
            if (x < v.lower - tolerance || x > v.upper + tolerance) {
                return "variable " + i + " = " + x + " outside [" + v.lower + ", " + v.upper + "]";
            }
            if (v.integer && Math.abs(x - Math.rint(x)) > tolerance) {
                return "integer variable " + i + " = " + x;
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            double activity = rowActivity(r, values);
            if (activity < row.lower - tolerance || activity > row.upper + tolerance) {
                return "row " + r + " = " + activity + " outside [" + row.lower + ", " + row.upper + "]";
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return (isInteger() ? "MIP" : "LP") + " with " + variables.size() + " variables and " + rows.size()
            + " rows";
    }
}
