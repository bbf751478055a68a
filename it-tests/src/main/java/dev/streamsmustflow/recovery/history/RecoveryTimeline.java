package dev.streamsmustflow.recovery.history;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The recovery anatomy (docs/harness.md#recovery-anatomy), derived from a history: t0 fault injected, t1 old process gone,
 * t2 replacement started, t3 tasks assigned, t4..t5 restore, t6 ready, t7 caught up. A moment that
 * did not happen stays null and {@code missing} says why; so does every phase that needs it — a phase
 * is never a made-up 0. When a fault replaces several pods, t2 and t3 are those of the first
 * replacement and t6 is when the last one became ready.
 *
 * @param targetUids the uids of the pods the fault hit
 * @param targetTasks the active tasks the (first) target ran when the fault hit
 * @param restores the changelog loading of the recovery, per pod and store partition: active restores
 *     and promoted warm-ups (the recovery's work), and restores suspended or warm-ups moved away
 *     before they finished (work thrown away)
 * @param replacementFatalErrors the fatal errors the (first) replacement reported before it got its tasks, each of
 *     which stopped its app and had its container restarted; empty in results written before they were recorded
 * @param missing for every moment that did not happen, why
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
        List<Restore> restores,
        List<FatalError> replacementFatalErrors,
        Map<Moment, String> missing) {

    public RecoveryTimeline {
        // results written before moments were explained, or fatal errors recorded, have none
        replacementFatalErrors = replacementFatalErrors == null ? List.of() : List.copyOf(replacementFatalErrors);
        missing = missing == null ? Map.of() : Map.copyOf(missing);
    }

    /** A {@code fatal-error} the app reported: what stopped Kafka Streams, as its exception's text. */
    public record FatalError(long time, String error) {
    }

    /** How a store partition's changelog was loaded, and whether the loading served the recovery. */
    public enum RestoreKind {
        /** An active task restored it before processing. */
        ACTIVE(true),
        /**
         * A standby loaded it while the task was still active elsewhere, then was promoted: Kafka
         * Streams' high-availability assignor warms an empty instance up this way, so that its active
         * restore afterwards covers only the last records.
         */
        WARM_UP(true),
        /** An active restore the task lost before it finished ({@code restore-suspended}): thrown away. */
        SUSPENDED(false),
        /** A warm-up moved to another instance instead of promoted: thrown away. */
        WARM_UP_MOVED_AWAY(false);

        private final boolean served;

        RestoreKind(boolean served) {
            this.served = served;
        }

        /** Whether this loading served the recovery, rather than being thrown away. */
        public boolean served() {
            return served;
        }
    }

    /**
     * One store partition's loading; a number the telemetry did not report is null.
     *
     * @param topic the changelog topic of the store, as the telemetry named it; null in results written before it
     *     was recorded
     * @param endOffset where the loading stopped: the changelog end for an active restore, the store's
     *     offset when a warm-up was promoted or moved away
     */
    public record Restore(String pod, String uid, String store, String topic, Integer partition, Long startOffset,
            Long endOffset, Long records, Long durationMs, RestoreKind kind) {

        public Restore {
            // results written before kinds were told apart recorded active restores only
            kind = kind == null ? RestoreKind.ACTIVE : kind;
        }

        /** Whether this loading served the recovery and loaded something. */
        public boolean loadedForRecovery() {
            return kind.served() && records != null && records > 0;
        }
    }

    /** Derives the timeline after the fault event {@code fault} (a {@link EventType#FAULT_INJECTED} event). */
    public static RecoveryTimeline derive(History history, HistoryEvent fault) {
        return new TimelineDerivation(history, fault).timeline();
    }

    /** Records loaded from changelogs for the recovery: active restores and promoted warm-ups. */
    public long recordsRestored() {
        return records(true);
    }

    /** Records loaded and then thrown away: restores suspended and warm-ups moved away before use. */
    public long recordsThrownAway() {
        return records(false);
    }

    public Long at(Moment moment) {
        return switch (moment) {
            case FAULT_INJECTED -> faultInjected;
            case PROCESS_GONE -> processGone;
            case REPLACEMENT_STARTED -> replacementStarted;
            case TASKS_ASSIGNED -> tasksAssigned;
            case RESTORE_STARTED -> restoreStarted;
            case RESTORE_ENDED -> restoreEnded;
            case READY -> ready;
            case CAUGHT_UP -> caughtUp;
        };
    }

    /**
     * The spans of {@link Phase} (all but the output gap) in ms. A phase whose ends did not both happen
     * is null ({@link #unmeasured()} says why); a negative span — phases that overlap, or clocks that
     * disagree — stays negative.
     */
    public Map<Phase, Long> phases() {
        Map<Phase, Long> phases = new LinkedHashMap<>();
        for (Phase phase : Phase.values()) {
            if (phase.from() != null) {
                Long from = at(phase.from());
                Long to = at(phase.to());
                phases.put(phase, from == null || to == null ? null : to - from);
            }
        }
        return phases;
    }

    /** For every phase that could not be measured, why: the reason of the first of its moments that is missing. */
    public Map<Phase, String> unmeasured() {
        Map<Phase, String> unmeasured = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            if (phase.from() != null && (at(phase.from()) == null || at(phase.to()) == null)) {
                Moment absent = at(phase.from()) == null ? phase.from() : phase.to();
                unmeasured.put(phase, Objects.requireNonNullElse(missing.get(absent), absent.key() + " did not happen"));
            }
        }
        return unmeasured;
    }

    private long records(boolean served) {
        return restores.stream().filter(restore -> restore.kind().served() == served).map(Restore::records)
                .filter(Objects::nonNull).mapToLong(Long::longValue).sum();
    }
}
