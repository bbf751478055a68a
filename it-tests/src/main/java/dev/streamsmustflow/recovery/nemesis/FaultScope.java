package dev.streamsmustflow.recovery.nemesis;

import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.Platform;
import java.time.Duration;
import java.util.Set;

/**
 * What a fault acts on and watches: the deployed app, the platform under it (its Kafka broker), and the
 * history, where a fault finds what the app reports (a restore that began) and records what it did.
 *
 * @param pauseLength how long a {@link Fault#PAUSE} keeps a process frozen
 * @param spared the names of pods that earlier faults on the same state hit: the pods are offered to the fault in
 *     their order with these last, so that a fault on the first pod hits one not hit before while there is one
 */
public record FaultScope(DeployedApp app, Platform platform, History history, Duration pauseLength, Set<String> spared) {

    public FaultScope {
        spared = Set.copyOf(spared);
    }

    /** The scope of the first fault on a state: no pod is spared. */
    public FaultScope(DeployedApp app, Platform platform, History history, Duration pauseLength) {
        this(app, platform, history, pauseLength, Set.of());
    }
}
