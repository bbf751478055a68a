package dev.streamsmustflow.recovery.history;

import dev.streamsmustflow.recovery.history.RecoveryTimeline.Restore;
import dev.streamsmustflow.recovery.history.RecoveryTimeline.RestoreKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The changelog loading of a recovery, from the app's telemetry after the fault and until caught up:
 * active restores ({@code restore-end}) and warm-ups ({@code standby-update-suspended} with reason
 * {@code PROMOTED}, whose loading started after the fault). A standby that ran before the fault is
 * steady-state replication, not recovery work, and does not count.
 *
 * @param started the first restore or warm-up start, or null when none
 * @param ended the last restore or warm-up end, or null when none ended
 */
record RestoreWork(List<Restore> restores, Long started, Long ended) {

    private static final String PROMOTED = "PROMOTED";

    static RestoreWork of(List<HistoryEvent> afterFault, Long caughtUp) {
        List<Restore> restores = new ArrayList<>();
        Map<List<Object>, HistoryEvent> warmUpStarts = new HashMap<>();
        Long started = null;
        Long ended = null;
        for (HistoryEvent event : afterFault) {
            if (event.source() != EventSource.APP || (caughtUp != null && event.time() > caughtUp)) {
                continue;
            }
            switch (event.type()) {
                case RESTORE_START -> started = started == null ? event.time() : started;
                case RESTORE_END -> {
                    ended = event.time();
                    restores.add(restore(event, event.longField("endOffset"), event.longField("recordsRestored"),
                            RestoreKind.ACTIVE));
                }
                case STANDBY_UPDATE_START -> warmUpStarts.put(key(event), event);
                case STANDBY_UPDATE_SUSPENDED -> {
                    HistoryEvent start = warmUpStarts.remove(key(event));
                    if (start != null && PROMOTED.equals(event.textField("reason"))) {
                        started = started == null || start.time() < started ? start.time() : started;
                        ended = event.time();
                        restores.add(restore(event, event.longField("storeOffset"), event.longField("recordsLoaded"),
                                RestoreKind.WARM_UP));
                    }
                }
                default -> {
                    // not restore work
                }
            }
        }
        return new RestoreWork(List.copyOf(restores), started, ended);
    }

    private static Restore restore(HistoryEvent event, Long endOffset, Long records, RestoreKind kind) {
        Long partition = event.longField("partition");
        return new Restore(event.pod(), event.uid(), event.textField("store"), partition == null ? null : partition.intValue(),
                event.longField("startOffset"), endOffset, records, event.longField("durationMs"), kind);
    }

    private static List<Object> key(HistoryEvent event) {
        return List.of(String.valueOf(event.uid()), String.valueOf(event.textField("store")),
                String.valueOf(event.longField("partition")));
    }
}
