package dev.streamsmustflow.recovery.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The conclusion's sentence on memory: the most the largest pod of a run and the broker held resident
 * (the kernel's high-water mark), and in which group.
 */
final class PeakMemorySentence {

    private static final long MIB = 1L << 20;

    private PeakMemorySentence() {
    }

    static List<String> of(List<ReportGroup> groups) {
        Set<String> varying = ReportFormat.varying(groups);
        Optional<String> pods = most(groups, ReportGroup::peakPodResidentBytes, varying);
        Optional<String> broker = most(groups, ReportGroup::peakBrokerResidentBytes, varying);
        if (pods.isEmpty() && broker.isEmpty()) {
            return List.of("Peak resident memory: not measured in these results (results from before the pods sent "
                    + "memory events, or a platform that cannot read the processes' status).");
        }
        return List.of("Peak resident memory (the kernel's high-water mark, VmHWM): the largest pod of a run "
                + pods.orElse("was not measured") + "; the broker " + broker.orElse("was not measured") + ".");
    }

    private static Optional<String> most(List<ReportGroup> groups, Function<ReportGroup, Spread> figure,
            Set<String> varying) {
        return groups.stream().filter(group -> figure.apply(group) != null)
                .max(Comparator.comparingLong(group -> figure.apply(group).max()))
                .map(group -> "held up to " + mebibytes(figure.apply(group).max()) + " (in "
                        + ReportFormat.label(group, varying) + "; median there " + mebibytes(figure.apply(group)
                        .roundedMedian()) + ")");
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", Math.round((double) bytes / MIB));
    }
}
