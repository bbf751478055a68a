package dev.streamsmustflow.tradestats;

import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Whether an instance should receive traffic, and why not. RUNNING alone is not enough: with
 * {@code group.protocol=streams} the state says RUNNING before tasks are assigned, and active tasks
 * may still be restoring their stores after a rebalance.
 */
public record Readiness(boolean ready, String reason) {

    public static Readiness of(KafkaStreams.State state, Set<String> activeTasks, int restoringPartitions) {
        if (state != KafkaStreams.State.RUNNING) {
            return new Readiness(false, "state is " + state);
        }
        if (activeTasks.isEmpty()) {
            return new Readiness(false, "no active tasks assigned");
        }
        if (restoringPartitions > 0) {
            return new Readiness(false, "restoring " + restoringPartitions + " store partition(s)");
        }
        return new Readiness(true, "running " + activeTasks.size() + " active task(s), nothing restoring");
    }
}
