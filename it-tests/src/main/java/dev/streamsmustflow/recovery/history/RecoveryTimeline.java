package dev.streamsmustflow.recovery.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The recovery anatomy of DESIGN.md, derived from a history: t0 fault injected, t1 old process gone,
 * t2 replacement started, t3 tasks assigned, t4..t5 restore, t6 ready, t7 caught up. A timestamp
 * that did not happen stays null, and so does every phase that needs it. When a fault replaces
 * several pods, t2 and t3 are those of the first replacement and t6 is when the last one became ready.
 *
 * @param targetUids the uids of the pods the fault hit
 * @param targetTasks the active tasks the (first) target ran when the fault hit
 * @param restores the restore work of the recovery: every active restore that ended after the fault,
 *     and every warm-up (a standby that loaded the changelog and was then promoted to active), per pod
 *     and store partition
 */
public record RecoveryTimeline(
        long faultInjected,
        Long processGone,
        Long replacementStarted,
        Long tasksAssigned,
        Long restoreStarted,
        Long restoreEnded,
        Long ready,
        Long caughtUp,
        String replacementPod,
        String replacementUid,
        List<String> targetUids,
        List<String> targetTasks,
        List<Restore> restores) {

    /** How a store partition's changelog was loaded. */
    public enum RestoreKind {
        /** An active task restored it before processing. */
        ACTIVE,
        /**
         * A standby loaded it while the task was still active elsewhere, then was promoted: Kafka
         * Streams' high-availability assignor warms an empty instance up this way, so that its active
         * restore afterwards covers only the last records.
         */
        WARM_UP
    }

    /**
     * One store partition's restore work; a number the telemetry did not report is null.
     *
     * @param endOffset where the loading stopped: the changelog end for an active restore, the store's
     *     offset when a warm-up was promoted
     */
    public record Restore(String pod, String uid, String store, Integer partition, Long startOffset, Long endOffset,
            Long records, Long durationMs, RestoreKind kind) {
    }

    /** Derives the timeline after the fault event {@code fault} (a {@link EventType#FAULT_INJECTED} event). */
    public static RecoveryTimeline derive(History history, HistoryEvent fault) {
        return new TimelineDerivation(history, fault).timeline();
    }

    /** Records loaded from changelogs by the recovery, active restores and warm-ups together. */
    public long recordsRestored() {
        return restores.stream().map(Restore::records).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
    }

    /** The spans of {@link Phase} (all but the output gap) in ms; a phase whose ends did not both happen is null. */
    public Map<Phase, Long> phases() {
        Map<Phase, Long> phases = new LinkedHashMap<>();
        phases.put(Phase.TERMINATION, between(faultInjected, processGone));
        phases.put(Phase.START, between(processGone, replacementStarted));
        phases.put(Phase.REBALANCE, between(replacementStarted, tasksAssigned));
        phases.put(Phase.RESTORE, restoreStarted == null ? Long.valueOf(0) : between(restoreStarted, restoreEnded));
        phases.put(Phase.CATCH_UP, between(ready, caughtUp));
        phases.put(Phase.TIME_TO_READY, between(faultInjected, ready));
        phases.put(Phase.TIME_TO_CAUGHT_UP, between(faultInjected, caughtUp));
        return phases;
    }

    private static Long between(Long from, Long to) {
        return from == null || to == null ? null : Math.max(0, to - from);
    }
}
