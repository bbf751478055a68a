package dev.streamsmustflow.recovery.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The conclusion's sentences on how close each group's restores came to the physical limit: a plain
 * consumer reading the same changelogs from the same broker, measured in the same run before the fault.
 */
final class RestoreAgainstPlainRead {

    private RestoreAgainstPlainRead() {
    }

    static List<String> sentences(List<ReportGroup> groups) {
        Set<String> varying = ReportFormat.varying(groups);
        List<String> sentences = new ArrayList<>();
        for (ReportGroup group : groups) {
            Spread percent = group.restorePercentOfPlainRead();
            if (percent == null) {
                continue;
            }
            String range = percent.count() == 1 ? "one run" : percent.min() + "–" + percent.max() + " % over "
                    + percent.count() + " runs";
            sentences.add(ReportFormat.label(group, varying) + ": restores ran at " + percent.roundedMedian()
                    + " % of the rate of a plain read of the same " + ReportFormat.count(group.changelogRecords()
                    .roundedMedian()) + " changelog records (median; " + range + ").");
        }
        return sentences;
    }
}
