package dev.streamsmustflow.recovery.cli;

import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.platform.k3s.K3sPlatform;
import dev.streamsmustflow.recovery.platform.kubernetes.ClusterPlatform;
import dev.streamsmustflow.recovery.platform.local.LocalPlatform;
import java.nio.file.Path;

/** Starts a platform by its name: {@code local}, {@code k3s} or {@code cluster}. */
final class Platforms {

    private Platforms() {
    }

    static Platform start(String name, Path runDir) {
        return switch (name) {
            case "local" -> LocalPlatform.start(runDir);
            case "k3s" -> {
                String problem = K3sPlatform.unavailableBecause();
                if (problem != null) {
                    throw new IllegalStateException("k3s cannot run here: " + problem);
                }
                yield K3sPlatform.start(runDir);
            }
            case "cluster" -> ClusterPlatform.connect(runDir);
            default -> throw new IllegalArgumentException("unknown platform '" + name + "': local, k3s or cluster");
        };
    }
}
