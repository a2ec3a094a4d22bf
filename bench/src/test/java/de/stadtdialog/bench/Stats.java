package de.stadtdialog.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics of a series of measurements (nearest-rank percentiles). */
public record Stats(double median, double p95, double min, double max, int count) {

    public static Stats of(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        return new Stats(percentile(sorted, 50), percentile(sorted, 95), sorted[0], sorted[sorted.length - 1],
            sorted.length);
    }

    public static double medianOf(List<Double> values) {
        return of(values).median();
    }

    private static double percentile(double[] sorted, double percent) {
        if (percent == 50 && sorted.length % 2 == 0) {
            return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    @Override
    public String toString() {
        return String.format("median %.1f ms, p95 %.1f ms (min %.1f, max %.1f, n=%d)", median, p95, min, max, count);
    }

    static String list(double[] values) {
        return Arrays.toString(Arrays.stream(values).mapToObj(v -> String.format("%.1f", v)).toArray());
    }
}
