package dev.streamsmustflow.recovery.platform.controller;

import static org.awaitility.Awaitility.await;

import dev.streamsmustflow.recovery.platform.PodView;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A StatefulSet's {@code OrderedReady} pod management: the controller creates a pod only once every pod
 * with a lower ordinal runs and is ready. Kubernetes waits for that without end; the emulation gives up
 * after {@link #PREDECESSORS_TIMEOUT}, so that a pod that never gets ready fails the run instead of
 * holding it.
 */
final class OrderedReady {

    /** Longer than any restore a scenario measures on 2 cores. */
    static final Duration PREDECESSORS_TIMEOUT = Duration.ofMinutes(15);

    private OrderedReady() {
    }

    /** Returns when each of {@code predecessors} (pod names) runs and is ready, or the controller closed. */
    static void awaitPredecessors(List<String> predecessors, Supplier<List<PodView>> pods, BooleanSupplier closed) {
        if (predecessors.isEmpty()) {
            return;
        }
        await("OrderedReady: " + predecessors + " running and ready before the next pod is created")
                .atMost(PREDECESSORS_TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> closed.getAsBoolean() || allReady(predecessors, pods.get()));
    }

    private static boolean allReady(List<String> predecessors, List<PodView> pods) {
        return predecessors.stream().allMatch(name -> pods.stream().anyMatch(pod -> pod.name().equals(name) && pod.ready()));
    }
}
