package de.stadtdialog.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** What the figures were measured on. */
public final class Machine {

    private Machine() {
    }

    public static String describe() {
        Runtime runtime = Runtime.getRuntime();
        long totalMemory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getTotalMemorySize() : -1;
        String gc = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
            .collect(Collectors.joining(", "));
        return String.format("CPU: %s, %d cores available to the JVM%nMemory: %.1f GB total, JVM max heap %.1f GB%n"
            + "OS: %s %s (%s)%nJVM: %s %s (%s), GC: %s", cpuModel(), runtime.availableProcessors(),
            totalMemory / 1e9, runtime.maxMemory() / 1e9, System.getProperty("os.name"),
            System.getProperty("os.version"), System.getProperty("os.arch"), System.getProperty("java.vm.name"),
            System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"), gc);
    }

    /** Load average of the machine (1, 5, 15 minutes): above the core count, other processes competed for CPU. */
    public static String load() {
        int cores = Runtime.getRuntime().availableProcessors();
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load average " + fields[0] + " / " + fields[1] + " / " + fields[2] + " on " + cores + " cores";
        } catch (IOException | RuntimeException e) {
            return String.format("load average %.2f on %d cores",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), cores);
        }
    }

    /**
     * CPU time of this whole JVM (application and benchmark client alike) in nanoseconds. Per request or cycle it
     * shows the work done, which waiting for a busy machine's cores does not inflate as it inflates wall time.
     */
    public static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getProcessCpuTime() : -1;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return System.getenv().getOrDefault("PROCESSOR_IDENTIFIER", "unknown");
        }
    }
}
