package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.scenario.PeakMemory;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The most the largest pod of a run and the broker held resident (the kernel's high-water mark), and in which
 * group.
 */
final class PeakResidentMemory implements Finding {

    private static final long MIB = 1L << 20;
    private static final String NAME = "peakResidentMemory";
    /** Per run, the peak resident memory of its largest pod. */
    static final Figure LARGEST_POD = new Figure(NAME, "peakPodResidentBytes", result -> of(result, PeakMemory::largestPodBytes));
    /** Per run, the broker's peak resident memory. */
    static final Figure BROKER = new Figure(NAME, "peakBrokerResidentBytes", result -> of(result, PeakMemory::brokerBytes));

    @Override
    public List<Figure> figures() {
        return List.of(LARGEST_POD, BROKER);
    }

    @Override
    public List<String> sentences(ReportContext report) {
        Optional<String> pods = most(report, LARGEST_POD);
        Optional<String> broker = most(report, BROKER);
        if (pods.isEmpty() && broker.isEmpty()) {
            return List.of("Peak resident memory: not measured in these results (results from before the pods sent "
                    + "memory events, or a platform that cannot read the processes' status).");
        }
        return List.of("Peak resident memory (the kernel's high-water mark, VmHWM): the largest pod of a run "
                + pods.orElse("was not measured") + "; the broker " + broker.orElse("was not measured") + ".");
    }

    private static Long of(RecoveryResult result, Function<PeakMemory, Long> figure) {
        PeakMemory memory = result.measurements().memory();
        return memory == null ? null : figure.apply(memory);
    }

    private static Optional<String> most(ReportContext report, Figure figure) {
        return report.groupsWith(figure).stream()
                .max(Comparator.comparingLong(group -> group.figure(figure).max()))
                .map(group -> "held up to " + mebibytes(group.figure(figure).max()) + " (in " + report.label(group)
                        + "; median there " + mebibytes(group.figure(figure).roundedMedian()) + ")");
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", Math.round((double) bytes / MIB));
    }
}
