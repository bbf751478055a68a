package dev.streamsmustflow.recovery.benchmark;

import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.platform.Platform;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The app's capacity for a comparison's input rate ({@link dev.streamsmustflow.recovery.workload.InputRate}): the
 * trade-stats topology's steady processing rate, measured by one run of the processing benchmark on the
 * comparison's platform, replicas, partitions and app settings — once per distinct settings, since a standby
 * replica or another guarantee changes what the pods can do. Where a capacity was given
 * ({@code ./compare --capacity}), it is used for every settings instead.
 */
public final class CapacityProbe {

    /**
     * Trades of a measuring run: about 30 s of processing on 2 cores. Fewer measure the pods' JIT warming up: with
     * 200,000 a run measured 9,863 records/s where one with 500,000 measured 17,854 (2026-12-07, local platform).
     */
    public static final int TRADES = 500_000;
    /** Runs of a measurement: the capacity is the higher. */
    static final int RUNS = 2;

    /** How a capacity is measured; {@link #BENCHMARK} for real, a test gives its own. */
    @FunctionalInterface
    public interface Measurement {

        /**
         * The steady processing rate, records a second, of the app with {@code settings} on {@code platform}, in the
         * {@code run}th measurement of a probe: each run has topics and a group of its own.
         */
        double measure(Platform platform, int replicas, int partitions, AppSettings settings, long seed, int run,
                Consumer<String> progress);
    }

    /** One run of the processing benchmark's trade-stats topology, {@value #TRADES} trades. */
    public static final Measurement BENCHMARK = (platform, replicas, partitions, settings, seed, run, progress) ->
            new ProcessingBenchmark(platform, TRADES, replicas, partitions, settings, seed)
                    .measure(ProcessingBenchmark.TOPOLOGIES.get(0), run, progress).steadyRecordsPerSecond();

    private final Platform platform;
    private final int replicas;
    private final int partitions;
    private final long seed;
    private final Double given;
    private final Measurement measurement;
    private final Consumer<String> progress;
    private final Map<AppSettings, Double> measured = new HashMap<>();
    private int runs;

    /**
     * @param given a capacity measured before, in records a second, used for every settings; null to measure
     * @param progress told when a measurement starts and what it gave
     */
    public CapacityProbe(Platform platform, int replicas, int partitions, long seed, Double given,
            Measurement measurement, Consumer<String> progress) {
        if (given != null && !(given > 0)) {
            throw new IllegalArgumentException("a given capacity must be above 0 records a second, was " + given);
        }
        this.platform = platform;
        this.replicas = replicas;
        this.partitions = partitions;
        this.seed = seed;
        this.given = given;
        this.measurement = measurement;
        this.progress = progress;
    }

    /** The capacity of the app with {@code settings}, in records a second: given, measured before, or measured now. */
    public double capacityFor(AppSettings settings) {
        if (given != null) {
            return given;
        }
        return measured.computeIfAbsent(settings, this::measure);
    }

    /**
     * The higher of {@value #RUNS} runs: what slows a run down (a rebalance while it measures, another process)
     * only ever lowers its rate, and two runs of one settings on one machine measured 13,565 and 18,967 records/s.
     */
    private double measure(AppSettings settings) {
        double capacity = 0;
        for (int run = 1; run <= RUNS; run++) {
            progress.accept("measuring the app's capacity, run " + run + " of " + RUNS + ": " + String.format(Locale.ROOT,
                    "%,d", TRADES) + " trades under " + settings.effectiveProcessingGuarantee().setting() + " with "
                    + new TreeMap<>(settings.extraEnv()));
            double measuredNow = measurement.measure(platform, replicas, partitions, settings, seed, ++runs, progress);
            progress.accept(String.format(Locale.ROOT, "run %d: %,.0f records/s steady", run, measuredNow));
            capacity = Math.max(capacity, measuredNow);
        }
        progress.accept(String.format(Locale.ROOT, "capacity: %,.0f records/s steady (the higher run)", capacity));
        return capacity;
    }
}
