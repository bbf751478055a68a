package dev.streamsmustflow.recovery.nemesis;

import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.Platform;
import java.time.Duration;

/**
 * What a fault acts on and watches: the deployed app, the platform under it (its Kafka broker), and the
 * history, where a fault finds what the app reports (a restore that began) and records what it did.
 *
 * @param pauseLength how long a {@link Fault#PAUSE} keeps a process frozen
 */
public record FaultScope(DeployedApp app, Platform platform, History history, Duration pauseLength) {
}
