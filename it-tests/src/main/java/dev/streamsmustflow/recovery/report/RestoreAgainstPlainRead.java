package dev.streamsmustflow.recovery.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The conclusion's sentences on how close each group's restores came to the physical limit: a plain consumer reading
 * the same changelog partitions and offsets from the same broker right after the recovery; in results from before that
 * was measured, a plain consumer reading every changelog partition before the fault (one consumer over all partitions,
 * where a pod restores only its own, so that ratio understates a single pod's restore).
 */
final class RestoreAgainstPlainRead {

    private RestoreAgainstPlainRead() {
    }

    static List<String> sentences(List<ReportGroup> groups) {
        Set<String> varying = ReportFormat.varying(groups);
        List<String> sentences = new ArrayList<>();
        for (ReportGroup group : groups) {
            Spread same = group.restorePercentOfRestoredRead();
            Spread all = group.restorePercentOfPlainRead();
            if (same != null) {
                sentences.add(ReportFormat.label(group, varying) + ": restores ran at " + same.roundedMedian()
                        + " % of the rate of a plain read of the same changelog partitions and offsets right after the "
                        + "recovery (median; " + range(same) + ")" + (all == null ? "" : ", and at " + all.roundedMedian()
                        + " % of a plain read of all " + ReportFormat.count(group.changelogRecords().roundedMedian())
                        + " changelog records before the fault") + ".");
            } else if (all != null) {
                sentences.add(ReportFormat.label(group, varying) + ": restores ran at " + all.roundedMedian()
                        + " % of the rate of a plain read of all " + ReportFormat.count(group.changelogRecords()
                        .roundedMedian()) + " changelog records before the fault, every partition by one consumer "
                        + "(median; " + range(all) + ").");
            }
        }
        return sentences;
    }

    private static String range(Spread percent) {
        return percent.count() == 1 ? "one run" : percent.min() + "–" + percent.max() + " % over " + percent.count() + " runs";
    }
}
