package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.platform.PodView;
import java.util.List;

/**
 * Whether the app is back to an assignment like the one a fault first met: every wanted pod runs, is ready and
 * holds an active task, and, when no standby replicas are configured, none holds a standby task, for Kafka
 * Streams' high-availability assignor reports the warm-ups with which it moves tasks to a new pod as standbys.
 * A second fault on the same state waits for this: a Deployment's replacement is idle until its warm-ups are
 * promoted by a probing rebalance, and a fault meanwhile would find warm copies on it.
 */
final class BalancedAssignment {

    private BalancedAssignment() {
    }

    static boolean holds(List<PodView> pods, int wanted, History history, int standbyReplicas) {
        return pods.size() == wanted && pods.stream().allMatch(pod -> {
            PodReport report = PodReport.of(pod, history);
            return pod.running() && pod.ready() && report.running() && !report.activeTasks().isEmpty()
                    && (standbyReplicas > 0 || report.standbyTasks().isEmpty());
        });
    }
}
