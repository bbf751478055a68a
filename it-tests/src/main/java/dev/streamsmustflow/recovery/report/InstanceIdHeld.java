package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.history.RecoveryTimeline;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import java.util.List;

/**
 * Whether a replacement was refused the static member's instance id of the pod it replaced, because the group still
 * held it for the dead member: Kafka Streams reports {@code UnreleasedInstanceIdException} as fatal, so the app stops
 * and its container is restarted, until the dead member's session expires. The replacement's fatal errors are in the
 * history, so this is what happened, not what the settings suggest.
 */
final class InstanceIdHeld implements Finding {

    /** The exception the group coordinator's refusal surfaces as in the app. */
    static final String REFUSAL = "UnreleasedInstanceIdException";
    private static final String NAME = "instanceIdHeld";
    /** How often the replacement was refused before it got its tasks, in a run where it was. */
    static final Figure REFUSALS = new Figure(NAME, "instanceIdRefusals", InstanceIdHeld::refusals);
    /** For a refused replacement, how long after the old process ended it got its tasks. */
    static final Figure HELD_MS = new Figure(NAME, "instanceIdHeldMs", InstanceIdHeld::heldFor);

    @Override
    public List<Figure> figures() {
        return List.of(REFUSALS, HELD_MS);
    }

    @Override
    public List<String> sentences(ReportContext report) {
        return report.groupsWith(REFUSALS).stream().map(group -> {
            Spread refusals = group.figure(REFUSALS);
            Spread held = group.figure(HELD_MS);
            return report.inRuns(group, REFUSALS) + " the replacement was refused the static member's instance id "
                    + ReportFormat.plural((int) refusals.roundedMedian(), "time") + " (median; " + REFUSAL
                    + " stops the app, and its container was restarted each time)"
                    + (held == null ? "" : " and got its tasks " + ReportFormat.ms(held.roundedMedian())
                            + " after the old pod's process ended (median)")
                    + ": the group held the instance id for the member that did not leave until its session expired.";
        }).toList();
    }

    /** How often the replacement was refused before it got its tasks; null when it never was. */
    static Long refusals(RecoveryResult result) {
        RecoveryTimeline timeline = result.measurements().timeline();
        if (timeline == null) {
            return null;
        }
        long refusals = timeline.replacementFatalErrors().stream()
                .filter(error -> error.error() != null && error.error().contains(REFUSAL)).count();
        return refusals == 0 ? null : refusals;
    }

    /** For a refused replacement, how long after the old process ended it got its tasks; else null. */
    static Long heldFor(RecoveryResult result) {
        RecoveryTimeline timeline = result.measurements().timeline();
        if (refusals(result) == null || timeline.processGone() == null || timeline.tasksAssigned() == null) {
            return null;
        }
        return timeline.tasksAssigned() - timeline.processGone();
    }
}
