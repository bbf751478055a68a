package dev.streamsmustflow.recovery.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A StatefulSet POD_KILL as the history records it, with round timestamps to read the phases off. */
class RecoveryTimelineTest {

    private static final String OLD = "uid-old";
    private static final String NEW = "uid-new";

    private final History history = new History();

    @Test
    void phasesAreDerivedFromTheHistory() {
        app(500, "trade-stats-0", OLD, "tasks-assigned", Map.of("active", List.of("0_0", "0_3"), "standby", List.of()));
        HistoryEvent fault = event(1_000, HistoryEvent.HARNESS, "fault-injected", null, null,
                Map.of("fault", "POD_KILL", "targets", List.of("trade-stats-0"), "targetUids", List.of(OLD)));
        event(1_050, HistoryEvent.PLATFORM, "container-exited", "trade-stats-0", OLD, Map.of("exitCode", 137));
        event(1_060, HistoryEvent.PLATFORM, "container-started", "trade-stats-0", NEW, Map.of());
        app(4_000, "trade-stats-0", NEW, "started", Map.of());
        app(4_010, "trade-stats-0", NEW, "state-change", Map.of("from", "CREATED", "to", "REBALANCING"));
        app(5_500, "trade-stats-0", NEW, "restore-start", restore(0, 0));
        app(5_600, "trade-stats-1", "uid-other", "restore-start", restore(3, 0));
        app(6_000, "trade-stats-0", NEW, "restore-end", restore(0, 4_000));
        app(6_200, "trade-stats-1", "uid-other", "restore-end", restore(3, 1_000));
        app(6_300, "trade-stats-0", NEW, "state-change", Map.of("from", "REBALANCING", "to", "RUNNING"));
        app(6_350, "trade-stats-0", NEW, "tasks-assigned", Map.of("active", List.of("0_0"), "standby", List.of()));
        app(6_400, "trade-stats-0", NEW, "readiness", Map.of("ready", true, "reason", "running"));
        event(7_000, HistoryEvent.HARNESS, "caught-up", null, null, Map.of());
        event(9_000, HistoryEvent.PLATFORM, "container-exited", "trade-stats-0", NEW, Map.of("exitCode", 0));

        RecoveryTimeline timeline = RecoveryTimeline.derive(history, fault);

        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("termination", 50L);
        expected.put("start", 2_950L);
        expected.put("rebalance", 1_500L);
        expected.put("restore", 700L);
        expected.put("catchUp", 600L);
        expected.put("timeToReady", 5_400L);
        expected.put("timeToCaughtUp", 6_000L);
        assertEquals(expected, timeline.phases());
        assertEquals(NEW, timeline.replacementUid());
        assertEquals(List.of("0_0", "0_3"), timeline.targetTasks());
        assertEquals(5_000, timeline.recordsRestored());
        assertEquals(List.of(OLD), timeline.targetUids());
    }

    @Test
    void whatDidNotHappenStaysNull() {
        HistoryEvent fault = event(1_000, HistoryEvent.HARNESS, "fault-injected", null, null,
                Map.of("fault", "POD_KILL", "targets", List.of("trade-stats-0"), "targetUids", List.of(OLD)));
        event(1_050, HistoryEvent.PLATFORM, "container-exited", "trade-stats-0", OLD, Map.of("exitCode", 137));

        RecoveryTimeline timeline = RecoveryTimeline.derive(history, fault);

        assertEquals(50L, timeline.phases().get("termination"));
        assertNull(timeline.replacementStarted());
        assertNull(timeline.phases().get("start"));
        assertNull(timeline.phases().get("timeToReady"));
        assertEquals(0L, timeline.phases().get("restore"), "no restore took no time");
    }

    @Test
    void aDeploymentReplacementMayStartBeforeTheOldPodIsGone() {
        HistoryEvent fault = event(1_000, HistoryEvent.HARNESS, "fault-injected", null, null,
                Map.of("fault", "POD_DELETE", "targets", List.of("trade-stats-1a2b3"), "targetUids", List.of(OLD)));
        event(1_010, HistoryEvent.PLATFORM, "container-started", "trade-stats-4c5d6", NEW, Map.of());
        event(1_900, HistoryEvent.PLATFORM, "container-exited", "trade-stats-1a2b3", OLD, Map.of("exitCode", 0));
        app(3_500, "trade-stats-4c5d6", NEW, "started", Map.of());

        RecoveryTimeline timeline = RecoveryTimeline.derive(history, fault);

        assertEquals(900L, timeline.phases().get("termination"));
        assertEquals(1_600L, timeline.phases().get("start"), "only what is left of the start once the old pod is gone");
        assertEquals("trade-stats-4c5d6", timeline.replacementPod());
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

    private void app(long time, String pod, String uid, String type, Map<String, Object> fields) {
        event(time, HistoryEvent.APP, type, pod, uid, fields);
    }

    private HistoryEvent event(long time, String source, String type, String pod, String uid, Map<String, Object> fields) {
        HistoryEvent event = new HistoryEvent(time, source, type, pod, uid, new LinkedHashMap<>(fields));
        history.append(event);
        return event;
    }
}
