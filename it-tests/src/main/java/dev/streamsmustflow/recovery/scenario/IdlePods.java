package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.platform.PodView;

/**
 * Pods whose app runs but holds no task, as their telemetry shows: its last state change was to RUNNING
 * and the tasks it last reported (none, if it never reported any) are neither active nor standby. Such a
 * pod is not ready, and with state above {@code acceptable.recovery.lag} it may stay so until a probing
 * rebalance (10 minutes by default): after a graceful delete that leaves the group, the survivors can keep
 * every task. It is idle, not recovering. A pod counts as idle only after {@link #SETTLED_MS} ms in that state:
 * between the two rounds of a cooperative rebalance a joining pod is RUNNING with no task for moments.
 */
final class IdlePods {

    /** Far longer than the gap between the two rounds of a cooperative rebalance (milliseconds). */
    static final long SETTLED_MS = 2_000;

    private IdlePods() {
    }

    /** Whether {@code pod}'s app, in its current container, has run holding no task for {@link #SETTLED_MS} at {@code now}. */
    static boolean isIdle(PodView pod, History history, long now) {
        PodReport report = PodReport.of(pod, history);
        boolean noTask = report.activeTasks().isEmpty() && report.standbyTasks().isEmpty();
        return report.running() && noTask && now - report.since() >= SETTLED_MS;
    }
}
