package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.history.Phase;
import dev.streamsmustflow.recovery.scenario.ChangelogState;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import java.util.ArrayList;
import java.util.List;

/**
 * How close each group's restores came to the physical limit: a plain consumer reading the same changelog partitions
 * and offsets from the same broker right after the recovery; in results from before that was measured, a plain
 * consumer reading every changelog partition before the fault (one consumer over all partitions, where a pod
 * restores only its own, so that ratio understates a single pod's restore).
 */
final class RestoreAgainstPlainRead implements Finding {

    private static final String NAME = "restoreAgainstPlainRead";
    /** Per run that restored something, its restore rate in percent of the plain read's of all changelogs before the fault. */
    static final Figure OF_PLAIN_READ = new Figure(NAME, "restorePercentOfPlainRead",
            result -> percentOf(result, result.measurements().stateBeforeFault()));
    /** Per run that restored something, its restore rate in percent of the plain read of what it restored, right after. */
    static final Figure OF_RESTORED_READ = new Figure(NAME, "restorePercentOfRestoredRead",
            result -> percentOf(result, result.measurements().restoredReadAfter()));

    @Override
    public List<Figure> figures() {
        return List.of(OF_PLAIN_READ, OF_RESTORED_READ);
    }

    @Override
    public List<String> sentences(ReportContext report) {
        List<String> sentences = new ArrayList<>();
        for (ReportGroup group : report.groups()) {
            Spread same = group.figure(OF_RESTORED_READ);
            Spread all = group.figure(OF_PLAIN_READ);
            if (same != null) {
                sentences.add(report.label(group) + ": restores ran at " + same.roundedMedian()
                        + " % of the rate of a plain read of the same changelog partitions and offsets right after the "
                        + "recovery (median; " + range(same) + ")" + (all == null ? "" : ", and at " + all.roundedMedian()
                        + " % of a plain read of all " + ReportFormat.count(group.changelogRecords().roundedMedian())
                        + " changelog records before the fault") + ".");
            } else if (all != null) {
                sentences.add(report.label(group) + ": restores ran at " + all.roundedMedian()
                        + " % of the rate of a plain read of all " + ReportFormat.count(group.changelogRecords()
                        .roundedMedian()) + " changelog records before the fault, every partition by one consumer "
                        + "(median; " + range(all) + ").");
            }
        }
        return sentences;
    }

    /** The run's restore rate in percent of the read's, or null when either is missing. */
    private static Long percentOf(RecoveryResult result, ChangelogState read) {
        Long restoreMs = result.phase(Phase.RESTORE);
        long restored = result.measurements().recordsRestored();
        if (read == null || read.recordsPerSecond() == null || restoreMs == null || restoreMs <= 0 || restored <= 0) {
            return null;
        }
        double restoreRate = restored * 1_000.0 / restoreMs;
        return Math.round(100 * restoreRate / read.recordsPerSecond());
    }

    private static String range(Spread percent) {
        return percent.count() == 1 ? "one run" : percent.min() + "–" + percent.max() + " % over " + percent.count() + " runs";
    }
}
