package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.history.RecoveryTimeline;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;

/**
 * Whether a replacement was refused the static member's instance id of the pod it replaced, because the group still
 * held it for the dead member: Kafka Streams reports {@code UnreleasedInstanceIdException} as fatal, so the app stops
 * and its container is restarted, until the dead member's session expires. The replacement's fatal errors are in the
 * history, so this is what happened, not what the settings suggest.
 */
final class InstanceIdHeld {

    /** The exception the group coordinator's refusal surfaces as in the app. */
    static final String REFUSAL = "UnreleasedInstanceIdException";

    private InstanceIdHeld() {
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
