package dev.streamsmustflow.tradestats;

import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Whether an instance should receive traffic, and why not: it is RUNNING, its group has assigned it its
 * share, and none of its active tasks is restoring.
 *
 * <p>An instance holding only standby tasks is ready: that is how a new instance joins a group whose state
 * is larger than {@code acceptable.recovery.lag} (10,000 records by default). The group gives it warm-up
 * replicas, or nothing at all when the others are caught up on every task, and moves active tasks to it
 * only at a probing rebalance, every {@code probing.rebalance.interval.ms} (10 minutes by default).
 * Waiting for active tasks would hold a rollout that long for each pod.
 *
 * <p>Whether RUNNING means "assigned" depends on the group protocol. Under {@code classic} Kafka Streams
 * reaches RUNNING only once a rebalance has given every thread its assignment, which may be empty: an
 * instance that RUNNING holds no task is idle, and ready. Under {@code streams} (KIP-1071) it says RUNNING
 * before the first assignment arrives, so there an instance is ready only once it holds a task.
 */
public record Readiness(boolean ready, String reason) {

    public static Readiness of(KafkaStreams.State state, Set<String> activeTasks, Set<String> standbyTasks,
            int restoringPartitions, boolean runningMeansAssigned) {
        if (state != KafkaStreams.State.RUNNING) {
            return new Readiness(false, "state is " + state);
        }
        if (restoringPartitions > 0) {
            return new Readiness(false, "restoring " + restoringPartitions + " store partition(s)");
        }
        if (activeTasks.isEmpty() && standbyTasks.isEmpty()) {
            return runningMeansAssigned
                    ? new Readiness(true, "running with no task: the group assigned this instance none (yet)")
                    : new Readiness(false, "no tasks assigned");
        }
        if (activeTasks.isEmpty()) {
            return new Readiness(true, "running " + standbyTasks.size()
                    + " standby task(s) only (warm-up: active tasks move here at a probing rebalance), nothing restoring");
        }
        return new Readiness(true, "running " + activeTasks.size() + " active task(s), nothing restoring");
    }
}
