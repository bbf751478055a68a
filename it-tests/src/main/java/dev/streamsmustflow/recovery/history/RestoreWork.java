package dev.streamsmustflow.recovery.history;

import dev.streamsmustflow.recovery.history.RecoveryTimeline.Restore;
import dev.streamsmustflow.recovery.history.RecoveryTimeline.RestoreKind;
import dev.streamsmustflow.telemetry.StandbySuspension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The changelog loading of a recovery, from the app's telemetry after the fault and until caught up:
 * active restores ({@code restore-end}, or {@code restore-suspended} when the task went away first)
 * and warm-ups ({@code standby-update-suspended}: {@code PROMOTED} to active, or {@code MIGRATED}
 * away) whose loading started after the fault. A standby that ran before the fault is steady-state
 * replication, not recovery work, and does not count.
 *
 * @param started the first start of a loading that served the recovery, or null when none
 * @param ended the last end of one, or null when none
 * @param unfinished active restores that began but neither ended nor were suspended before caught up
 *     (a standby keeps loading for as long as it runs, so an open warm-up is no unfinished restore)
 */
record RestoreWork(List<Restore> restores, Long started, Long ended, int unfinished) {

    static RestoreWork of(List<HistoryEvent> afterFault, Long caughtUp) {
        List<Restore> restores = new ArrayList<>();
        Map<List<Object>, HistoryEvent> starts = new HashMap<>();
        Long started = null;
        Long ended = null;
        for (HistoryEvent event : afterFault) {
            if (event.source() != EventSource.APP || (caughtUp != null && event.time() > caughtUp)) {
                continue;
            }
            RestoreKind kind = switch (event.type()) {
                case RESTORE_START, STANDBY_UPDATE_START -> {
                    starts.put(key(event), event);
                    yield null;
                }
                case RESTORE_END -> RestoreKind.ACTIVE;
                case RESTORE_SUSPENDED -> RestoreKind.SUSPENDED;
                case STANDBY_UPDATE_SUSPENDED -> new AppEvent(event).suspension() == StandbySuspension.PROMOTED
                        ? RestoreKind.WARM_UP : RestoreKind.WARM_UP_MOVED_AWAY;
                default -> null;
            };
            HistoryEvent start = kind == null ? null : starts.remove(key(event));
            if (start == null) {
                continue; // not a loading's end, or the end of one that began before the fault
            }
            restores.add(restore(event, kind));
            if (kind.served()) {
                started = started == null || start.time() < started ? start.time() : started;
                ended = ended == null || event.time() > ended ? event.time() : ended;
            }
        }
        int unfinished = (int) starts.values().stream().filter(start -> start.is(EventType.RESTORE_START)).count();
        return new RestoreWork(List.copyOf(restores), started, ended, unfinished);
    }

    private static Restore restore(HistoryEvent event, RestoreKind kind) {
        AppEvent end = new AppEvent(event);
        return new Restore(event.pod(), event.uid(), end.store(), end.topic(), end.partition(), end.startOffset(),
                end.loadedUpTo(), end.recordsLoaded(), end.durationMs(), kind);
    }

    /** A loading is one store partition on one pod; active and standby loadings of it share the key. */
    private static List<Object> key(HistoryEvent event) {
        AppEvent loading = new AppEvent(event);
        return List.of(String.valueOf(event.uid()), String.valueOf(loading.store()), String.valueOf(loading.partition()),
                loading.standby());
    }

    /** Why the restore's moments did not happen, when they did not. */
    String whyNothingServed() {
        if (unfinished > 0) {
            return unfinished + " restore(s) began but none ended before the app caught up";
        }
        long thrownAway = restores.stream().filter(restore -> !restore.kind().served()).count();
        return thrownAway > 0 ? "nothing was restored for the recovery: " + thrownAway + " loading(s) were thrown away"
                : "nothing was restored";
    }
}
