package de.stadtdialog.bench;

import java.util.ArrayList;
import java.util.List;

/** Times an in-process action the same way {@link PageLoad} times a page: warm-up, then each call. */
final class Timing {

    private Timing() {
    }

    record Measurement(Stats stats, double statementsPerCall, double cpuMillisPerCall) {
    }

    static Measurement measure(SqlCounter sql, int warmup, int calls, Runnable action) {
        for (int i = 0; i < warmup; i++) {
            action.run();
        }
        List<Double> millis = new ArrayList<>(calls);
        long statementsBefore = sql.count();
        long cpuBefore = Machine.processCpuNanos();
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            action.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return new Measurement(Stats.of(millis), (double) (sql.count() - statementsBefore) / calls,
            (Machine.processCpuNanos() - cpuBefore) / 1e6 / calls);
    }
}
