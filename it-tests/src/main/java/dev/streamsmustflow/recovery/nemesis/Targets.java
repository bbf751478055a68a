package dev.streamsmustflow.recovery.nemesis;

import dev.streamsmustflow.recovery.platform.PodView;
import java.util.List;

/** The choices of pods the faults make. */
final class Targets {

    private Targets() {
    }

    static List<PodView> first(List<PodView> running) {
        return List.of(nonEmpty(running).get(0));
    }

    static List<PodView> last(List<PodView> running) {
        return List.of(nonEmpty(running).get(running.size() - 1));
    }

    static List<PodView> all(List<PodView> running) {
        return List.copyOf(nonEmpty(running));
    }

    private static List<PodView> nonEmpty(List<PodView> running) {
        if (running.isEmpty()) {
            throw new IllegalStateException("no running pod to inject the fault into");
        }
        return running;
    }
}
