package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.RecoveryTimeline;
import dev.streamsmustflow.recovery.history.RecoveryTimeline.Restore;
import dev.streamsmustflow.recovery.history.RecoveryTimeline.RestoreKind;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import java.util.List;
import java.util.Objects;

/**
 * Whether a StatefulSet's replacement, started on the volume of the pod it replaced, found nothing there to resume
 * from: every changelog it restored, it restored from offset 0. Its restores are in the history with their start
 * offsets, so this is what happened, not what the settings suggest.
 */
final class LocalStateLost implements Finding {

    /** The records the replacement restored, all from offset 0, in a run whose replacement resumed nothing. */
    static final Figure RESTORED_FROM_SCRATCH = new Figure("localStateLost", "restoredFromScratch",
            LocalStateLost::restoredFromScratch);

    @Override
    public List<Figure> figures() {
        return List.of(RESTORED_FROM_SCRATCH);
    }

    @Override
    public List<String> sentences(ReportContext report) {
        return report.groupsWith(RESTORED_FROM_SCRATCH).stream().map(group -> report.inRuns(group, RESTORED_FROM_SCRATCH)
                + " the replacement, on the volume of the pod it replaced, restored every changelog it loaded from offset 0 ("
                + ReportFormat.count(group.figure(RESTORED_FROM_SCRATCH).roundedMedian()) + " records, median): it found "
                + "nothing on its volume to resume from.").toList();
    }

    /** The records the replacement restored, all from offset 0; null when it restored none or resumed any. */
    static Long restoredFromScratch(RecoveryResult result) {
        RecoveryTimeline timeline = result.measurements().timeline();
        if (result.setup().variant() != Variant.STATEFUL_SET || timeline == null || timeline.replacementUid() == null) {
            return null;
        }
        List<Restore> own = timeline.restores().stream()
                .filter(restore -> timeline.replacementUid().equals(restore.uid()) && restore.kind() == RestoreKind.ACTIVE
                        && restore.records() != null && restore.records() > 0)
                .toList();
        if (own.isEmpty() || !own.stream().allMatch(restore -> Objects.equals(restore.startOffset(), 0L))) {
            return null;
        }
        return own.stream().mapToLong(Restore::records).sum();
    }
}
