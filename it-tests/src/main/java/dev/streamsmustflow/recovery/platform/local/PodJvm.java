package dev.streamsmustflow.recovery.platform.local;

import java.util.List;

/** How the local platform runs the JVM of a pod, besides its heap and garbage collector. */
public enum PodJvm {
    /** With the JIT's optimising tier (C2), as the container image runs the app: for measurements. */
    FULL_JIT(List.of(), "full JIT"),
    /**
     * With the JIT's quick tier only (C1): a pod is ready sooner and burns less CPU while it starts, at a
     * lower peak speed. For suites that check behaviour on a small machine, not timings.
     */
    QUICK_START(List.of("-XX:TieredStopAtLevel=1"), "C1 JIT only, for a quick start");

    private final List<String> options;
    private final String description;

    PodJvm(List<String> options, String description) {
        this.options = options;
        this.description = description;
    }

    List<String> options() {
        return options;
    }

    /** What results say about the pods' JVMs. */
    String description() {
        return description;
    }
}
