package de.stadtdialog.bench.lottery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import de.stadtdialog.lottery.Leximin;
import de.stadtdialog.lottery.LeximinOptions;
import de.stadtdialog.lottery.LeximinResult;
import de.stadtdialog.lottery.LotteryInput;
import de.stadtdialog.lottery.LotteryTable;
import de.stadtdialog.lottery.Person;

/**
 * LEXIMIN on a realistic pool (n = 2,000, k = 50, 5 categories, quotas proportional to the population): time to
 * the first (maximin) level and to the full result, the rounding to the lottery table, and the lowest selection
 * probability against the greedy method in the same run (Monte Carlo). Plain Java, no application:
 * {@code mvn -Pbench -Dbuild.dir=target-bench test -Dtest=LotteryBenchmark}; knobs {@code bench.lottery.people},
 * {@code .seats}, {@code .seed}, {@code .greedyDraws}, {@code .budget} (ISO duration, default PT300S: a longer
 * computation is reported as truncated).
 */
class LotteryBenchmark {

    private static final Duration TARGET_FIRST_LEVEL = Duration.ofSeconds(10);
    private static final Duration TARGET_FULL = Duration.ofSeconds(120);

    @Test
    void measure() throws IOException {
        int n = Integer.getInteger("bench.lottery.people", 2000);
        int k = Integer.getInteger("bench.lottery.seats", 50);
        long seed = Long.getLong("bench.lottery.seed", 2026);
        int greedyDraws = Integer.getInteger("bench.lottery.greedyDraws", 10_000);
        Duration budget = Duration.parse(System.getProperty("bench.lottery.budget", "PT300S"));
        double pricingTolerance = Double.parseDouble(System.getProperty("bench.lottery.pricingTolerance",
            String.valueOf(LeximinOptions.DEFAULT_PRICING_TOLERANCE)));
        StringBuilder report = new StringBuilder();
        line(report, "Lottery benchmark %s", LocalDateTime.now().withNano(0));
        line(report, "Machine: %s, %d cores available to the JVM, %s", cpuModel(),
            Runtime.getRuntime().availableProcessors(), load());

        List<Person> people = PoolGenerator.people(n, seed);
        LotteryInput input = LotteryInput.of(PoolGenerator.proportionalQuotas(k), people, k);
        line(report, "Pool: n = %d (seed %d), k = %d, %d categories, %d quotas, %d types", n, seed, k,
            input.categories().size(), input.quotas().size(), input.types().size());

        long start = System.nanoTime();
        LeximinResult result = Leximin.compute(input, new LeximinOptions(budget, pricingTolerance));
        Duration total = Duration.ofNanos(System.nanoTime() - start);
        LeximinResult.Statistics statistics = result.statistics();
        line(report, "Leximin (%s): first level %.1f s (target ≤ %d s), %s %.1f s (target ≤ %d s)",
            result.solverVersion(), seconds(statistics.firstLevel()), TARGET_FIRST_LEVEL.toSeconds(),
            result.truncated() ? "TRUNCATED by the time budget after" : "full result", seconds(total),
            TARGET_FULL.toSeconds());
        line(report, "  %d levels%s, %d compositions generated, %d pricing rounds, %d compositions in the distribution",
            statistics.levels(), result.truncated() ? " (the last one unfinished)" : "",
            statistics.compositionsGenerated(), statistics.pricingRounds(),
            result.compositions().size());
        line(report, "  selection probability: min %.6f, max %.6f (k/n = %.6f)", result.minimumProbability(),
            result.maximumProbability(), (double) k / n);

        long roundingStart = System.nanoTime();
        LotteryTable table = LotteryTable.of(result);
        double roundedMin = Double.POSITIVE_INFINITY;
        for (int t = 0; t < input.types().size(); t++) {
            roundedMin = Math.min(roundedMin, table.roundedExact(t));
        }
        line(report, "Lottery table: m = %d panels (%d compositions) in %.1f s; largest deviation %.6f = %.2f %% of "
                + "the lowest probability; rounded min %.6f", table.panels(), table.rows().size(),
            (System.nanoTime() - roundingStart) / 1e9, table.maximumRoundingDeviation(),
            100 * table.maximumRoundingDeviation() / table.minimumPositiveOptimal(), roundedMin);

        long greedyStart = System.nanoTime();
        GreedySelection greedy = new GreedySelection(input);
        Random random = new Random(seed);
        long[] selectedPerType = new long[input.types().size()];
        int[] personSelections = new int[n];
        for (int draw = 0; draw < greedyDraws; draw++) {
            for (int person : greedy.select(random)) {
                personSelections[person]++;
                selectedPerType[input.typeIndexOf(input.people().get(person).id())]++;
            }
        }
        double greedyTypeMin = Double.POSITIVE_INFINITY;
        for (int t = 0; t < selectedPerType.length; t++) {
            greedyTypeMin = Math.min(greedyTypeMin,
                (double) selectedPerType[t] / greedyDraws / input.types().get(t).count());
        }
        int neverSelected = 0;
        for (int count : personSelections) {
            if (count == 0) {
                neverSelected++;
            }
        }
        line(report, "Greedy (legacy) method, %d Monte Carlo draws in %.1f s: lowest probability of a type %.6f; "
                + "%d of %d people never selected in %d draws", greedyDraws,
            (System.nanoTime() - greedyStart) / 1e9, greedyTypeMin, neverSelected, n, greedyDraws);
        line(report, "Leximin raises the lowest probability from %.6f to %.6f (×%.1f)", greedyTypeMin,
            result.minimumProbability(), result.minimumProbability() / Math.max(greedyTypeMin, 1e-12));
        line(report, "After: %s", load());

        System.out.print(report);
        Path file = Path.of(System.getProperty("buildDirectory", "target"), "bench-report-lottery.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);

        assertThat(statistics.firstLevel()).isLessThan(budget);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static void line(StringBuilder report, String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load average " + fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "load average %.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
