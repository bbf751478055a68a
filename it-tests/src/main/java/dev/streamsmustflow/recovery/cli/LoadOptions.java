package dev.streamsmustflow.recovery.cli;

import dev.streamsmustflow.recovery.benchmark.CapacityProbe;
import dev.streamsmustflow.recovery.workload.InputRate;
import dev.streamsmustflow.recovery.workload.SteadyLoad;
import java.util.List;
import picocli.CommandLine.Option;

/** How the input flows through every fault of a comparison: its rate, and the lag budget its recoveries are held to. */
final class LoadOptions {

    /** The options that set the rate of every cell: a preset whose cells set their own refuses them. */
    static final List<String> RATE_OPTIONS = List.of("--rate", "--load-percent");

    @Option(names = "--rate", description = "Records a second the input flows at through every fault, from before it "
            + "until the app has caught up after it (default: --load-percent of the app's capacity).")
    Integer rate;

    @Option(names = "--load-percent", description = "The input's rate through every fault as a percentage of the app's "
            + "capacity: its steady processing rate, measured first by a run of the benchmark (" + CapacityProbe.TRADES
            + " trades) on the same platform, replicas, partitions and settings, once per distinct settings.%n"
            + "Default: " + InputRate.DEFAULT_PERCENT + ".")
    Integer loadPercent;

    @Option(names = "--capacity", description = "The app's capacity in records a second, measured before (for example "
            + "by ./compare benchmark), for --load-percent: nothing is measured.")
    Double capacity;

    @Option(names = "--lag-budget-ms", description = "How long after a fault the lag may stay above its pre-fault "
            + "level (the output of the hit partitions falling behind) for a recovery to fit; the report says at which "
            + "loads each variant fits it.")
    long lagBudgetMs = SteadyLoad.DEFAULT_LAG_BUDGET_MS;

    /** The input's rate: {@code --rate}, or {@code --load-percent} (by default 50) of the capacity. */
    InputRate inputRate() {
        if (rate != null && (loadPercent != null || capacity != null)) {
            throw new IllegalArgumentException("--rate gives the input's rate itself: drop --load-percent and --capacity");
        }
        return rate != null ? InputRate.fixed(rate) : InputRate.ofCapacity(loadPercent != null ? loadPercent
                : InputRate.DEFAULT_PERCENT);
    }
}
