package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.platform.MachineUse;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import java.util.List;
import java.util.function.Function;

/**
 * Whether anything else ran beside the runs ({@link MachineUse}): a figure measured on a shared machine says as much
 * as the knowledge that the machine was not shared. Names how busy the machine was and how much of it went to
 * processes other than the harness, its broker and pods and the container engine, and the groups with a run where
 * that was more than {@value #NOTICEABLE_PERCENT} % of the CPU.
 */
final class OtherWork implements Finding {

    /** More than this share of the CPU for other work is worth a reader's notice: it can move a phase by seconds. */
    static final int NOTICEABLE_PERCENT = 5;
    private static final String NAME = "machine";
    /** The machine's busy share over the run, in tenths of a percent. */
    static final Figure BUSY = new Figure(NAME, "busyPermille", result -> permille(result, MachineUse::busyPercent));
    /** Other processes' share, in tenths of a percent. */
    static final Figure OTHER = new Figure(NAME, "otherWorkPermille", result -> permille(result, MachineUse::otherPercent));

    @Override
    public List<Figure> figures() {
        return List.of(BUSY, OTHER);
    }

    @Override
    public List<String> sentences(ReportContext report) {
        List<ReportGroup> measured = report.groupsWith(OTHER);
        if (measured.isEmpty()) {
            return List.of();
        }
        long most = measured.stream().mapToLong(group -> group.figure(OTHER).max()).max().orElseThrow();
        long busiest = measured.stream().mapToLong(group -> group.figure(BUSY).max()).max().orElseThrow();
        long calmest = measured.stream().mapToLong(group -> group.figure(BUSY).min()).min().orElseThrow();
        int runs = measured.stream().mapToInt(group -> group.figure(OTHER).count()).sum();
        String sentence = "Other work on the machine: besides the harness, its broker and pods and the container engine, "
                + "other processes used at most " + percent(most) + " of the CPU in any of the " + ReportFormat.plural(runs,
                        "run") + " measured; the machine was " + (calmest == busiest ? percent(busiest)
                        : percent(calmest) + " to " + percent(busiest)) + " busy over a run.";
        List<String> noticeable = measured.stream().filter(group -> group.figure(OTHER).max() > NOTICEABLE_PERCENT * 10L)
                .map(group -> report.label(group) + " (up to " + percent(group.figure(OTHER).max()) + ")").toList();
        if (!noticeable.isEmpty()) {
            sentence += " More than " + NOTICEABLE_PERCENT + " % in " + ReportFormat.and(noticeable)
                    + ": their results name the busiest other processes (machine.busiestOthers).";
        }
        return List.of(sentence);
    }

    private static String percent(long permille) {
        return ReportFormat.decimal(permille / 10.0, 1) + " %";
    }

    private static Long permille(RecoveryResult result, Function<MachineUse, Double> share) {
        MachineUse machine = result.measurements().machine();
        return machine == null || share.apply(machine) == null ? null : Math.round(share.apply(machine) * 10);
    }
}
