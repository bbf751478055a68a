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

class BalancedAssignmentTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final List<PodView> PODS = List.of(pod(0, true), pod(1, true), pod(2, true));

    private final History history = new History();

    @Test
    void everyPodReadyWithAnActiveTaskAndNoWarmUpIsBalanced() {
        PODS.forEach(pod -> running(pod, List.of("0_" + pod.name().charAt(pod.name().length() - 1)), List.of()));

        assertTrue(BalancedAssignment.holds(PODS, 3, history, 0));
        assertFalse(BalancedAssignment.holds(PODS.subList(0, 2), 3, history, 0), "a pod short of the wanted 3");
    }

    @Test
    void aReplacementWarmingUpOrIdleIsNotBalanced() {
        running(PODS.get(0), List.of("0_0", "0_1", "0_2"), List.of());
        running(PODS.get(1), List.of("0_3", "0_4", "0_5"), List.of());
        running(PODS.get(2), List.of(), List.of());
        assertFalse(BalancedAssignment.holds(PODS, 3, history, 0), "idle");

        running(PODS.get(2), List.of(), List.of("0_0", "0_3"));
        assertFalse(BalancedAssignment.holds(PODS, 3, history, 0), "warming up, not ready");

        running(PODS.get(2), List.of("0_0"), List.of("0_3"));
        List<PodView> ready = List.of(PODS.get(0), PODS.get(1), pod(2, true));
        assertFalse(BalancedAssignment.holds(ready, 3, history, 0), "a warm-up left while no standby is configured");
        assertTrue(BalancedAssignment.holds(ready, 3, history, 1), "a standby, which is configured");
    }

    @Test
    void aPodNotReadyOrRebalancingIsNotBalanced() {
        PODS.forEach(pod -> running(pod, List.of("0_" + pod.name().charAt(pod.name().length() - 1)), List.of()));
        assertFalse(BalancedAssignment.holds(List.of(PODS.get(0), PODS.get(1), pod(2, false)), 3, history, 0),
                "not ready");

        event(PODS.get(1), NOW, EventType.STATE_CHANGE, Map.of("from", "RUNNING", "to", "REBALANCING"));
        assertFalse(BalancedAssignment.holds(PODS, 3, history, 0), "rebalancing");
    }

    private void running(PodView pod, List<String> active, List<String> standby) {
        event(pod, NOW - 9_000, EventType.STARTED, Map.of());
        event(pod, NOW - 8_000, EventType.STATE_CHANGE, Map.of("from", "REBALANCING", "to", "RUNNING"));
        event(pod, NOW - 7_000, EventType.TASKS_ASSIGNED, Map.of("active", active, "standby", standby));
    }

    private void event(PodView pod, long time, EventType type, Map<String, Object> fields) {
        history.append(new HistoryEvent(time, type, pod.name(), pod.uid(), fields));
    }

    private static PodView pod(int ordinal, boolean ready) {
        return new PodView("trade-stats-" + ordinal, "uid-" + ordinal, 0, true, ready);
    }
}
