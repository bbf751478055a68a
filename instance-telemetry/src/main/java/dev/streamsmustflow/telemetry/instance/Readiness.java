package dev.streamsmustflow.telemetry.instance;

import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Whether an instance should receive traffic, and why not. RUNNING alone is not enough: with
 * {@code group.protocol=streams} the state says RUNNING before tasks are assigned, under the classic
 * protocol an instance is RUNNING with no task between the two rounds of a cooperative rebalance, and
 * active tasks may still be restoring their stores after a rebalance.
 *
 * <p>An instance holding only standby tasks is ready: that is how a new instance joins a group whose state
 * is larger than {@code acceptable.recovery.lag} (10,000 records by default). The group gives it warm-up
 * replicas and moves active tasks to it only at a probing rebalance once they have caught up, every
 * {@code probing.rebalance.interval.ms} (10 minutes by default). Waiting for active tasks would hold a
 * rollout that long for each pod. An instance given no task at all stays not ready: from inside the
 * instance, an assignment that gave it nothing cannot be told from one still under way.
 */
public record Readiness(boolean ready, String reason) {

    public static Readiness of(KafkaStreams.State state, Set<String> activeTasks, Set<String> standbyTasks,
            int restoringPartitions) {
        if (state != KafkaStreams.State.RUNNING) {
            return new Readiness(false, "state is " + state);
        }
        if (activeTasks.isEmpty() && standbyTasks.isEmpty()) {
            return new Readiness(false, "no tasks assigned");
        }
        if (restoringPartitions > 0) {
            return new Readiness(false, "restoring " + restoringPartitions + " store partition(s)");
        }
        if (activeTasks.isEmpty()) {
            return new Readiness(true, "running " + standbyTasks.size()
                    + " standby task(s) only (warm-up: active tasks move here at a probing rebalance), nothing restoring");
        }
        return new Readiness(true, "running " + activeTasks.size() + " active task(s), nothing restoring");
    }
}
