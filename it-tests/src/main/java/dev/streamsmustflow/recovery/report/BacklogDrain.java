package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.history.Backlog;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The conditions a recovery was timed under, and what it cost in lag: whether the input flowed through the fault
 * and at what rate, and, where it did, the peak lag after the fault (records, and seconds of input), the time from
 * that peak back to the pre-fault level, and the rate the backlog shrank at (docs/harness.md#input-under-load).
 */
final class BacklogDrain implements Finding {

    private static final String NAME = "backlog";
    /** Per run under load, the input's rate through the fault. */
    static final Figure INPUT_RATE = new Figure(NAME, "inputRatePerSecond", result -> underLoad(result)
            ? (long) result.setup().workload().ratePerSecond() : null);
    /** Per run whose input stopped in the fault's first seconds, its rate then: the recovery of an idle app. */
    static final Figure IDLE_RATE = new Figure(NAME, "idleAfterBurstOfRatePerSecond", result -> underLoad(result)
            || result.setup().workload() == null ? null : (long) result.setup().workload().ratePerSecond());
    /** Per run whose rate was a share of the app's capacity, that capacity as measured, records/s. */
    static final Figure CAPACITY = new Figure(NAME, "capacityPerSecond", result -> underLoad(result)
            && result.setup().workload().load().capacityPerSecond() != null
            ? Math.round(result.setup().workload().load().capacityPerSecond()) : null);
    static final Figure PEAK_LAG = new Figure(NAME, "peakLag", result -> of(result, Backlog::peakLag));
    /** The peak lag in ms of input at the input's rate. */
    static final Figure PEAK_LAG_MS = new Figure(NAME, "peakLagMsOfInput",
            result -> of(result, backlog -> Math.round(backlog.peakLagSeconds() * 1_000)));
    static final Figure DRAIN = new Figure(NAME, "drainMs", result -> of(result, Backlog::drainMs));
    static final Figure CATCH_UP_RATE = new Figure(NAME, "catchUpRecordsPerSecond", result -> of(result,
            backlog -> backlog.catchUpRecordsPerSecond() == null ? null : Math.round(backlog.catchUpRecordsPerSecond())));
    /** Per run whose lag never rose above its pre-fault level, that peak. */
    static final Figure STAYED_AT_LEVEL = new Figure(NAME, "peakLagWithinLevel", result -> of(result,
            backlog -> backlog.peakLag() <= backlog.levelBound() ? backlog.peakLag() : null));

    @Override
    public List<Figure> figures() {
        return List.of(INPUT_RATE, CAPACITY, IDLE_RATE, PEAK_LAG, PEAK_LAG_MS, DRAIN, CATCH_UP_RATE, STAYED_AT_LEVEL);
    }

    @Override
    public List<String> sentences(ReportContext report) {
        List<String> sentences = new ArrayList<>();
        List<ReportGroup> idle = report.groupsWith(IDLE_RATE);
        List<ReportGroup> loaded = report.groupsWith(INPUT_RATE);
        if (!loaded.isEmpty()) {
            sentences.add("Input under load: " + range(loaded, INPUT_RATE) + " records/s" + capacity(loaded)
                    + " flowed through every fault"
                    + (idle.isEmpty() ? "" : " of " + ReportFormat.plural(loaded.size(), "group")) + ", from before it until "
                    + "the lag of the committed offsets was back at its pre-fault level and stayed there for the settle time.");
        }
        if (!idle.isEmpty()) {
            sentences.add("Input of an idle app: " + (loaded.isEmpty() ? "in these runs" : "in "
                    + ReportFormat.plural(idle.size(), "group")) + " the input stopped 2 s into the fault (1,000 records at "
                    + ReportFormat.and(idle.stream().map(group -> ReportFormat.count(group.figure(IDLE_RATE).max()))
                            .distinct().toList()) + " a second) and resumed once the app had caught up: they time the "
                    + "recovery of an idle app, with no backlog to drain and little buffered for a zombie to write "
                    + "(results from before the input flowed through the recovery).");
        }
        sentences.addAll(backlog(report));
        return sentences;
    }

    /** The lowest to the highest of a figure over the groups: {@code 1,000} or {@code 1,000 to 7,000}. */
    private static String range(List<ReportGroup> groups, Figure figure) {
        long lowest = groups.stream().mapToLong(group -> group.figure(figure).min()).min().orElseThrow();
        long highest = groups.stream().mapToLong(group -> group.figure(figure).max()).max().orElseThrow();
        return lowest == highest ? ReportFormat.count(lowest) : ReportFormat.count(lowest) + " to " + ReportFormat.count(highest);
    }

    /** Where the rates were shares of a measured capacity: which shares, of what. */
    private static String capacity(List<ReportGroup> loaded) {
        List<ReportGroup> shares = loaded.stream().filter(group -> group.figure(CAPACITY) != null
                && group.figure(LagBudget.PERCENT) != null).toList();
        if (shares.isEmpty()) {
            return "";
        }
        List<String> percents = shares.stream().map(group -> group.figure(LagBudget.PERCENT).roundedMedian()).distinct()
                .sorted().map(percent -> percent + " %").toList();
        return " (" + ReportFormat.and(percents) + " of the app's capacity, its steady processing rate measured by the "
                + "benchmark on the same platform and settings: " + range(shares, CAPACITY) + " records/s)";
    }

    private static List<String> backlog(ReportContext report) {
        List<ReportGroup> drained = report.groupsWith(DRAIN);
        List<String> sentences = new ArrayList<>();
        if (!drained.isEmpty()) {
            Comparator<ReportGroup> byPeak = Comparator.comparingDouble(group -> group.figure(PEAK_LAG).median());
            ReportGroup most = drained.stream().max(byPeak).orElseThrow();
            ReportGroup least = drained.stream().min(byPeak).orElseThrow();
            String sentence = "Backlog: the peak lag after the fault was " + (most == least ? "" : "largest ") + "in "
                    + report.label(most) + ", " + drain(most);
            sentences.add(sentence + (most == least ? "." : "; smallest in " + report.label(least) + ", " + drain(least) + "."));
        }
        for (ReportGroup group : report.groupsWith(STAYED_AT_LEVEL)) {
            sentences.add(report.inRuns(group, STAYED_AT_LEVEL) + " the lag never rose above its pre-fault level (at "
                    + "most " + ReportFormat.count(group.figure(STAYED_AT_LEVEL).max()) + " records): no backlog to drain.");
        }
        return sentences;
    }

    private static String drain(ReportGroup group) {
        return ReportFormat.count(group.figure(PEAK_LAG).roundedMedian()) + " records ("
                + ReportFormat.ms(group.figure(PEAK_LAG_MS).roundedMedian()) + " of input), drained back to the pre-fault "
                + "level in " + ReportFormat.ms(group.figure(DRAIN).roundedMedian()) + " at "
                + ReportFormat.count(group.figure(CATCH_UP_RATE).roundedMedian()) + " records/s above the input's rate "
                + "(medians of " + ReportFormat.plural(group.figure(DRAIN).count(), "run") + ")";
    }

    private static boolean underLoad(RecoveryResult result) {
        WorkloadSpec workload = result.setup().workload();
        return workload != null && workload.underLoad();
    }

    private static Long of(RecoveryResult result, Function<Backlog, Long> figure) {
        Backlog backlog = result.measurements().backlog();
        return backlog == null ? null : figure.apply(backlog);
    }
}
