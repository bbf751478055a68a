package dev.streamsmustflow.recovery.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A StatefulSet POD_KILL as the history records it, with round timestamps to read the phases off. */
class RecoveryTimelineTest {

    private static final String OLD = "uid-old";
    private static final String NEW = "uid-new";

    private final History history = new History();

    @Test
    void phasesAreDerivedFromTheHistory() {
        app(500, "trade-stats-0", OLD, EventType.TASKS_ASSIGNED, Map.of("active", List.of("0_0", "0_3"), "standby", List.of()));
        HistoryEvent fault = event(1_000, EventType.FAULT_INJECTED, null, null,
                Map.of("fault", "POD_KILL", "targets", List.of("trade-stats-0"), "targetUids", List.of(OLD)));
        event(1_050, EventType.CONTAINER_EXITED, "trade-stats-0", OLD, Map.of("exitCode", 137));
        event(1_060, EventType.CONTAINER_STARTED, "trade-stats-0", NEW, Map.of());
        app(4_000, "trade-stats-0", NEW, EventType.STARTED, Map.of());
        app(4_010, "trade-stats-0", NEW, EventType.STATE_CHANGE, Map.of("from", "CREATED", "to", "REBALANCING"));
        app(5_500, "trade-stats-0", NEW, EventType.RESTORE_START, restore(0, 0));
        app(5_600, "trade-stats-1", "uid-other", EventType.RESTORE_START, restore(3, 0));
        app(6_000, "trade-stats-0", NEW, EventType.RESTORE_END, restore(0, 4_000));
        app(6_200, "trade-stats-1", "uid-other", EventType.RESTORE_END, restore(3, 1_000));
        app(6_300, "trade-stats-0", NEW, EventType.STATE_CHANGE, Map.of("from", "REBALANCING", "to", "RUNNING"));
        app(6_350, "trade-stats-0", NEW, EventType.TASKS_ASSIGNED, Map.of("active", List.of("0_0"), "standby", List.of()));
        app(6_400, "trade-stats-0", NEW, EventType.READINESS, Map.of("ready", true, "reason", "running"));
        event(7_000, EventType.CAUGHT_UP, null, null, Map.of());
        event(9_000, EventType.CONTAINER_EXITED, "trade-stats-0", NEW, Map.of("exitCode", 0));

        RecoveryTimeline timeline = RecoveryTimeline.derive(history, fault);

        Map<Phase, Long> expected = new LinkedHashMap<>();
        expected.put(Phase.TERMINATION, 50L);
        expected.put(Phase.START, 2_950L);
        expected.put(Phase.REBALANCE, 1_500L);
        expected.put(Phase.RESTORE, 700L);
        expected.put(Phase.CATCH_UP, 600L);
        expected.put(Phase.TIME_TO_READY, 5_400L);
        expected.put(Phase.TIME_TO_CAUGHT_UP, 6_000L);
        assertEquals(expected, timeline.phases());
        assertEquals(NEW, timeline.replacementUid());
        assertEquals(List.of("0_0", "0_3"), timeline.targetTasks());
        assertEquals(5_000, timeline.recordsRestored());
        assertEquals(List.of(OLD), timeline.targetUids());
    }

    @Test
    void whatDidNotHappenStaysNull() {
        HistoryEvent fault = event(1_000, EventType.FAULT_INJECTED, null, null,
                Map.of("fault", "POD_KILL", "targets", List.of("trade-stats-0"), "targetUids", List.of(OLD)));
        event(1_050, EventType.CONTAINER_EXITED, "trade-stats-0", OLD, Map.of("exitCode", 137));

        RecoveryTimeline timeline = RecoveryTimeline.derive(history, fault);

        assertEquals(50L, timeline.phases().get(Phase.TERMINATION));
        assertNull(timeline.replacementStarted());
        assertNull(timeline.phases().get(Phase.START));
        assertNull(timeline.phases().get(Phase.TIME_TO_READY));
        assertNull(timeline.phases().get(Phase.RESTORE), "no restore is no measurement, never 0");
        assertEquals("nothing was restored", timeline.unmeasured().get(Phase.RESTORE));
        assertEquals("no container started after the fault", timeline.unmeasured().get(Phase.START));
    }

    @Test
    void aDeploymentReplacementMayStartBeforeTheOldPodIsGone() {
        HistoryEvent fault = event(1_000, EventType.FAULT_INJECTED, null, null,
                Map.of("fault", "POD_DELETE", "targets", List.of("trade-stats-1a2b3"), "targetUids", List.of(OLD)));
        event(1_010, EventType.CONTAINER_STARTED, "trade-stats-4c5d6", NEW, Map.of());
        event(1_900, EventType.CONTAINER_EXITED, "trade-stats-1a2b3", OLD, Map.of("exitCode", 0));
        app(3_500, "trade-stats-4c5d6", NEW, EventType.STARTED, Map.of());

        RecoveryTimeline timeline = RecoveryTimeline.derive(history, fault);

        assertEquals(900L, timeline.phases().get(Phase.TERMINATION));
        assertEquals(1_600L, timeline.phases().get(Phase.START), "only what is left of the start once the old pod is gone");
        assertEquals("trade-stats-4c5d6", timeline.replacementPod());
    }

    /**
     * Kafka Streams' high-availability assignor warms an empty replacement up as a standby, then promotes
     * it: the active restore covers only the last record (the case that made the suite's restore check
     * fail once in 14 runs). The warm-up is restore work of the recovery; a standby that was loading
     * before the fault, and a warm-up moved away instead of promoted, are not.
     */
    @Test
    void aWarmUpThatIsPromotedCountsAsRestoreWork() {
        app(500, "trade-stats-2", "uid-other", EventType.STANDBY_UPDATE_START, standby(4, 0));
        HistoryEvent fault = event(1_000, EventType.FAULT_INJECTED, null, null,
                Map.of("fault", "POD_DELETE", "targets", List.of("trade-stats-1a2b3"), "targetUids", List.of(OLD)));
        event(1_010, EventType.CONTAINER_STARTED, "trade-stats-4c5d6", NEW, Map.of());
        app(4_000, "trade-stats-4c5d6", NEW, EventType.STARTED, Map.of());
        app(4_500, "trade-stats-4c5d6", NEW, EventType.STANDBY_UPDATE_START, standby(1, 0));
        app(4_600, "trade-stats-4c5d6", NEW, EventType.STANDBY_UPDATE_START, standby(2, 0));
        app(5_000, "trade-stats-2", "uid-other", EventType.STANDBY_UPDATE_SUSPENDED, promoted(4, 9_000, 9_000));
        app(6_500, "trade-stats-4c5d6", NEW, EventType.STANDBY_UPDATE_SUSPENDED, promoted(1, 3_889, 3_889));
        app(6_600, "trade-stats-4c5d6", NEW, EventType.STANDBY_UPDATE_SUSPENDED, suspended(2, 100, 100, "MIGRATED"));
        app(6_700, "trade-stats-4c5d6", NEW, EventType.RESTORE_START, restore(1, 0));
        app(6_750, "trade-stats-4c5d6", NEW, EventType.RESTORE_END, restore(1, 1));
        event(8_000, EventType.CAUGHT_UP, null, null, Map.of());

        RecoveryTimeline timeline = RecoveryTimeline.derive(history, fault);

        assertEquals(List.of(RecoveryTimeline.RestoreKind.WARM_UP, RecoveryTimeline.RestoreKind.WARM_UP_MOVED_AWAY,
                RecoveryTimeline.RestoreKind.ACTIVE), timeline.restores().stream().map(RecoveryTimeline.Restore::kind).toList());
        assertEquals(List.of(1, 2, 1), timeline.restores().stream().map(RecoveryTimeline.Restore::partition).toList());
        assertEquals(3_890, timeline.recordsRestored(), "3,889 loaded by the warm-up and 1 by the active restore");
        assertEquals(100, timeline.recordsThrownAway(), "the warm-up moved away loaded 100 records for nothing");
        assertEquals(4_500L, timeline.tasksAssigned(), "the warm-up is the replacement's first task");
        assertEquals(2_250L, timeline.phases().get(Phase.RESTORE), "from the warm-up's start to the active restore's end");
    }

    @Test
    void aRestoreTheTaskLostBeforeItEndedIsWorkThrownAway() {
        HistoryEvent fault = podKill();
        event(1_060, EventType.CONTAINER_STARTED, "trade-stats-0", NEW, Map.of());
        app(2_000, "trade-stats-0", NEW, EventType.RESTORE_START, restore(0, 0));
        app(2_500, "trade-stats-0", NEW, EventType.RESTORE_SUSPENDED, restore(0, 700));
        app(3_000, "trade-stats-1", "uid-other", EventType.RESTORE_START, restore(0, 0));
        app(3_400, "trade-stats-1", "uid-other", EventType.RESTORE_END, restore(0, 1_000));
        event(4_000, EventType.CAUGHT_UP, null, null, Map.of());

        RecoveryTimeline timeline = RecoveryTimeline.derive(history, fault);

        assertEquals(1_000, timeline.recordsRestored());
        assertEquals(700, timeline.recordsThrownAway());
        assertEquals(400L, timeline.phases().get(Phase.RESTORE), "the restore that served the recovery");
    }

    @Test
    void theReplacementsFatalErrorsBeforeItGotItsTasksAreKept() {
        HistoryEvent fault = podKill();
        event(1_050, EventType.CONTAINER_EXITED, "trade-stats-0", OLD, Map.of("exitCode", 137));
        event(1_060, EventType.CONTAINER_STARTED, "trade-stats-0", NEW, Map.of("restart", 0));
        app(2_500, "trade-stats-1", "uid-other", EventType.FATAL_ERROR, Map.of("error", "another pod's"));
        app(3_000, "trade-stats-0", NEW, EventType.FATAL_ERROR, Map.of("error", "refused the first time"));
        event(3_400, EventType.CONTAINER_EXITED, "trade-stats-0", NEW, Map.of("exitCode", 1));
        event(3_410, EventType.CONTAINER_STARTED, "trade-stats-0", NEW, Map.of("restart", 1));
        app(5_000, "trade-stats-0", NEW, EventType.FATAL_ERROR, Map.of("error", "refused the second time"));
        app(9_000, "trade-stats-0", NEW, EventType.RESTORE_START, restore(0, 0));
        app(12_000, "trade-stats-0", NEW, EventType.FATAL_ERROR, Map.of("error", "after the tasks came"));

        RecoveryTimeline timeline = RecoveryTimeline.derive(history, fault);

        assertEquals(List.of(new RecoveryTimeline.FatalError(3_000, "refused the first time"),
                new RecoveryTimeline.FatalError(5_000, "refused the second time")), timeline.replacementFatalErrors());
    }

    @Test
    void aNegativeSpanIsKeptNotClampedToZero() {
        HistoryEvent fault = podKill();
        event(1_010, EventType.CONTAINER_STARTED, "trade-stats-4c5d6", NEW, Map.of());
        // the replacement's app reports its start before the old process is seen gone: overlapping
        // phases, or an app clock behind the platform's
        app(1_030, "trade-stats-4c5d6", NEW, EventType.STARTED, Map.of());
        event(1_050, EventType.CONTAINER_EXITED, "trade-stats-0", OLD, Map.of("exitCode", 0));

        RecoveryTimeline timeline = RecoveryTimeline.derive(history, fault);

        assertEquals(-20L, timeline.phases().get(Phase.START));
    }

    /** A rolling restart replaces one pod after the other: the first replacement follows the first exit. */
    @Test
    void afterARollingRestartTheOldProcessIsGoneWithTheFirstExit() {
        HistoryEvent fault = event(1_000, EventType.FAULT_INJECTED, null, null, Map.of("fault", "ROLLING_RESTART",
                "targets", List.of("trade-stats-1", "trade-stats-0"), "targetUids", List.of("uid-b", OLD)));
        event(1_100, EventType.CONTAINER_EXITED, "trade-stats-1", "uid-b", Map.of("exitCode", 0));
        event(1_200, EventType.CONTAINER_STARTED, "trade-stats-1", NEW, Map.of());
        app(1_900, "trade-stats-1", NEW, EventType.STARTED, Map.of());
        event(3_100, EventType.CONTAINER_EXITED, "trade-stats-0", OLD, Map.of("exitCode", 0));
        event(3_200, EventType.CONTAINER_STARTED, "trade-stats-0", "uid-c", Map.of());

        RecoveryTimeline timeline = RecoveryTimeline.derive(history, fault);

        assertEquals(1_100L, timeline.processGone());
        assertEquals(800L, timeline.phases().get(Phase.START), "the first replacement's start after the first exit");
        assertTrue(timeline.phases().values().stream().noneMatch(span -> span != null && span < 0), timeline.phases().toString());
    }

    /** A replacement killed while it restored: the pod that recovers is the next one, after the second exit. */
    @Test
    void afterAKillDuringRestoreThePodThatRecoveredIsMeasured() {
        HistoryEvent fault = podKill();
        event(1_050, EventType.CONTAINER_EXITED, "trade-stats-0", OLD, Map.of("exitCode", 137));
        event(1_060, EventType.CONTAINER_STARTED, "trade-stats-0", "uid-killed", Map.of());
        app(2_000, "trade-stats-0", "uid-killed", EventType.RESTORE_START, restore(0, 0));
        event(2_100, EventType.FAULT_TARGET_ADDED, "trade-stats-0", "uid-killed", Map.of("reason", "killed while it restores"));
        event(2_150, EventType.CONTAINER_EXITED, "trade-stats-0", "uid-killed", Map.of("exitCode", 137));
        event(2_160, EventType.CONTAINER_STARTED, "trade-stats-0", NEW, Map.of());
        app(3_000, "trade-stats-0", NEW, EventType.STARTED, Map.of());
        app(3_500, "trade-stats-0", NEW, EventType.READINESS, Map.of("ready", true, "reason", "running"));

        RecoveryTimeline timeline = RecoveryTimeline.derive(history, fault);

        assertEquals(2_150L, timeline.processGone());
        assertEquals(NEW, timeline.replacementUid());
        assertEquals(850L, timeline.phases().get(Phase.START));
        assertEquals(3_500L, timeline.ready());
    }

    @Test
    void underTheStreamsProtocolRunningIsNoAssignment() {
        HistoryEvent fault = podKill();
        event(1_060, EventType.CONTAINER_STARTED, "trade-stats-0", NEW, Map.of());
        app(2_000, "trade-stats-0", NEW, EventType.STARTED, Map.of("groupProtocol", "streams"));
        app(2_200, "trade-stats-0", NEW, EventType.STATE_CHANGE, Map.of("from", "REBALANCING", "to", "RUNNING"));
        app(7_000, "trade-stats-0", NEW, EventType.TASKS_ASSIGNED, Map.of("active", List.of("0_0"), "standby", List.of()));

        RecoveryTimeline timeline = RecoveryTimeline.derive(history, fault);

        assertEquals(7_000L, timeline.tasksAssigned(), "RUNNING at 2.2 s came before any task");
        assertEquals(5_000L, timeline.phases().get(Phase.REBALANCE));
    }

    @Test
    void aReplacementWithoutTelemetryLeavesItsPhasesUnmeasuredAndSaysWhy() {
        HistoryEvent fault = podKill();
        event(1_050, EventType.CONTAINER_EXITED, "trade-stats-0", OLD, Map.of("exitCode", 137));
        event(1_060, EventType.CONTAINER_STARTED, "trade-stats-0", NEW, Map.of());

        RecoveryTimeline timeline = RecoveryTimeline.derive(history, fault);

        assertNull(timeline.phases().get(Phase.REBALANCE));
        assertTrue(timeline.unmeasured().get(Phase.REBALANCE).startsWith("no telemetry from the replacement"),
                timeline.unmeasured().toString());
        assertEquals(Set.of(Phase.REBALANCE, Phase.RESTORE, Phase.CATCH_UP, Phase.TIME_TO_READY, Phase.TIME_TO_CAUGHT_UP),
                timeline.unmeasured().keySet());
    }

    private HistoryEvent podKill() {
        return event(1_000, EventType.FAULT_INJECTED, null, null,
                Map.of("fault", "POD_KILL", "targets", List.of("trade-stats-0"), "targetUids", List.of(OLD)));
    }

    private static Map<String, Object> restore(int partition, long records) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("store", "trade-aggregates");
        fields.put("partition", partition);
        fields.put("startOffset", 0);
        fields.put("endOffset", records);
        fields.put("recordsRestored", records);
        fields.put("durationMs", 10);
        return fields;
    }

    private static Map<String, Object> standby(int partition, long startOffset) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("store", "trade-aggregates");
        fields.put("partition", partition);
        fields.put("startOffset", startOffset);
        fields.put("endOffset", -1);
        return fields;
    }

    private static Map<String, Object> promoted(int partition, long storeOffset, long loaded) {
        return suspended(partition, storeOffset, loaded, "PROMOTED");
    }

    private static Map<String, Object> suspended(int partition, long storeOffset, long loaded, String reason) {
        Map<String, Object> fields = standby(partition, 0);
        fields.put("endOffset", storeOffset + 1);
        fields.put("storeOffset", storeOffset);
        fields.put("recordsLoaded", loaded);
        fields.put("durationMs", 2_000);
        fields.put("reason", reason);
        return fields;
    }

    private void app(long time, String pod, String uid, EventType type, Map<String, Object> fields) {
        event(time, type, pod, uid, fields);
    }

    private HistoryEvent event(long time, EventType type, String pod, String uid, Map<String, Object> fields) {
        HistoryEvent event = new HistoryEvent(time, type, pod, uid, new LinkedHashMap<>(fields));
        history.append(event);
        return event;
    }
}
