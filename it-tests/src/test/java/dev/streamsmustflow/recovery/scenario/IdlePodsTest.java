package dev.streamsmustflow.recovery.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.platform.PodView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdlePodsTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final PodView POD = new PodView("trade-stats-0", "uid-0", 0, true, false);

    private final History history = new History();

    @Test
    void aPodRunningWithoutAnyTaskForTwoSecondsIsIdle() {
        event(NOW - 9_000, EventType.STARTED, Map.of());
        event(NOW - 2_500, EventType.STATE_CHANGE, Map.of("from", "REBALANCING", "to", "RUNNING"));

        assertTrue(IdlePods.isIdle(POD, history, NOW));
    }

    @Test
    void aPodBetweenTheRoundsOfACooperativeRebalanceIsNotIdleYet() {
        event(NOW - 9_000, EventType.STARTED, Map.of());
        event(NOW - 40, EventType.STATE_CHANGE, Map.of("from", "REBALANCING", "to", "RUNNING"));

        assertFalse(IdlePods.isIdle(POD, history, NOW));
    }

    @Test
    void aPodHoldingTasksOrRebalancingIsNotIdle() {
        event(NOW - 9_000, EventType.STARTED, Map.of());
        event(NOW - 8_000, EventType.STATE_CHANGE, Map.of("from", "REBALANCING", "to", "RUNNING"));
        event(NOW - 7_900, EventType.TASKS_ASSIGNED, Map.of("active", List.of(), "standby", List.of("0_1")));
        assertFalse(IdlePods.isIdle(POD, history, NOW), "a standby task");

        event(NOW - 5_000, EventType.TASKS_ASSIGNED, Map.of("active", List.of(), "standby", List.of()));
        assertTrue(IdlePods.isIdle(POD, history, NOW), "its tasks taken away 5 s ago");

        event(NOW - 4_000, EventType.STATE_CHANGE, Map.of("from", "RUNNING", "to", "REBALANCING"));
        assertFalse(IdlePods.isIdle(POD, history, NOW), "rebalancing");
    }

    @Test
    void aRestartedContainerStartsOverWithoutWhatThePreviousOneReported() {
        event(NOW - 9_000, EventType.STARTED, Map.of());
        event(NOW - 8_000, EventType.STATE_CHANGE, Map.of("from", "REBALANCING", "to", "RUNNING"));
        event(NOW - 3_000, EventType.STARTED, Map.of());

        assertFalse(IdlePods.isIdle(POD, history, NOW), "the new run has not reached RUNNING");
    }

    private void event(long time, EventType type, Map<String, Object> fields) {
        history.append(new HistoryEvent(time, type, POD.name(), POD.uid(), fields));
    }
}
