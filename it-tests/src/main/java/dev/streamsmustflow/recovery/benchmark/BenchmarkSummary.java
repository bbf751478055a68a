package dev.streamsmustflow.recovery.benchmark;

import dev.streamsmustflow.recovery.platform.MachineUse;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's figures per topology and the ratio that is the topology's cost: the trade-stats
 * topology's steady rate in percent of the pass-through's, median over the runs with the range that the
 * slowest and fastest runs of the two give.
 *
 * @param runs every run, in the order they ran
 * @param when when the first run started, ISO-8601 UTC; null in summaries from before it was recorded
 * @param seed the seed of the trades (run r writes the trades of seed + r); null in summaries from before
 * @param commit the commit of the project's source the benchmark ran from ({@code +changes} where files differed); null
 *     where it could not be told, and in summaries from before it was recorded
 * @param machineUse how busy the machine was meanwhile and with whose work; null in summaries from before
 */
public record BenchmarkSummary(List<ThroughputRun> runs, String platform, String machine, String when, Long seed,
        String commit, MachineUse machineUse) {

    private String otherWork() {
        if (machineUse == null || machineUse.otherPercent() == null) {
            return machineUse == null ? "not measured" : "not measured: " + machineUse.unmeasured();
        }
        return String.format(Locale.ROOT, "%.1f %% of the CPU (the machine %.1f %% busy)%s", machineUse.otherPercent(),
                machineUse.busyPercent(), machineUse.busiestOthers().isEmpty() ? ""
                        : "; busiest: " + String.join(", ", machineUse.busiestOthers()));
    }

    /** The median steady rate of {@code topology}'s runs. */
    public double medianRate(String topology) {
        List<Double> rates = rates(topology);
        int middle = rates.size() / 2;
        return rates.size() % 2 == 1 ? rates.get(middle) : (rates.get(middle - 1) + rates.get(middle)) / 2;
    }

    private List<Double> rates(String topology) {
        List<Double> rates = runs.stream().filter(run -> run.topology().equals(topology))
                .map(ThroughputRun::steadyRecordsPerSecond).sorted(Comparator.naturalOrder()).toList();
        if (rates.isEmpty()) {
            throw new IllegalStateException("no run of " + topology);
        }
        return rates;
    }

    /** The trade-stats topology's rate in percent of the pass-through's: median, lowest and highest. */
    public double[] percentOfPassThrough() {
        List<Double> topology = rates("trade-stats");
        List<Double> passThrough = rates("pass-through");
        return new double[] {100 * medianRate("trade-stats") / medianRate("pass-through"),
            100 * topology.get(0) / passThrough.get(passThrough.size() - 1),
            100 * topology.get(topology.size() - 1) / passThrough.get(0)};
    }

    /** The summary as Markdown: a table of the runs and the sentence with the ratio. */
    public String markdown() {
        StringBuilder text = new StringBuilder("# Processing benchmark\n\n")
                .append("Platform: ").append(platform).append("  \nMachine: ").append(machine)
                .append("  \nWhen: ").append(when).append(", seed ").append(seed).append(", source commit ").append(commit)
                .append("  \nOther work on the machine: ").append(otherWork()).append("\n\n")
                .append("| Topology | Run | Records | Steady records/s | Total ms |\n|---|---:|---:|---:|---:|\n");
        for (ThroughputRun run : runs) {
            text.append(String.format(Locale.ROOT, "| %s | %d | %,d | %,.0f | %,d |%n", run.topology(), run.repetition(),
                    run.records(), run.steadyRecordsPerSecond(), run.totalMs()));
        }
        double[] percent = percentOfPassThrough();
        text.append(String.format(Locale.ROOT, "%nThe trade-stats topology processed %,.0f records/s at steady state, "
                + "%.0f %% of the %,.0f records/s of a pass-through Kafka Streams app on the same broker, partitions and "
                + "settings (medians; %.0f–%.0f %% from the slowest and fastest runs).%n", medianRate("trade-stats"),
                percent[0], medianRate("pass-through"), percent[1], percent[2]));
        return text.toString();
    }
}
