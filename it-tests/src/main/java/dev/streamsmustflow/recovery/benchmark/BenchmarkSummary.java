package dev.streamsmustflow.recovery.benchmark;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's figures per topology and the ratio that is the topology's cost: the trade-stats
 * topology's steady rate in percent of the pass-through's, median over the runs with the range that the
 * slowest and fastest runs of the two give.
 *
 * @param runs every run, in the order they ran
 */
public record BenchmarkSummary(List<ThroughputRun> runs, String platform, String machine) {

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
                .append("Platform: ").append(platform).append("  \nMachine: ").append(machine).append("\n\n")
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
