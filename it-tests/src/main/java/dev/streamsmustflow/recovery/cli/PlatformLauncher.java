package dev.streamsmustflow.recovery.cli;

import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.platform.docker.DockerPlatform;
import dev.streamsmustflow.recovery.platform.k3s.K3sPlatform;
import dev.streamsmustflow.recovery.platform.kubernetes.ClusterPlatform;
import dev.streamsmustflow.recovery.platform.kubernetes.ClusterSettings;
import dev.streamsmustflow.recovery.platform.local.LocalPlatform;
import java.nio.file.Path;

/** Starts the platform of a comparison; a test gives the command one that starts nothing. */
@FunctionalInterface
interface PlatformLauncher {

    /** @throws RuntimeException when the platform cannot start, saying why */
    Platform start(PlatformKind kind, Path runDir);

    /** The real platforms; the cluster one with {@code cluster}'s settings. */
    static PlatformLauncher real(ClusterSettings cluster) {
        return (kind, runDir) -> switch (kind) {
            case LOCAL -> LocalPlatform.start(runDir);
            case DOCKER -> DockerPlatform.start(runDir);
            case K3S -> {
                String problem = K3sPlatform.unavailableBecause();
                if (problem != null) {
                    throw new IllegalStateException("k3s cannot run here: " + problem);
                }
                yield K3sPlatform.start(runDir);
            }
            case CLUSTER -> ClusterPlatform.connect(cluster, runDir);
        };
    }
}
