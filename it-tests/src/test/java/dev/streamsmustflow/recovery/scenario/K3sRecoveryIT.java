package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.platform.k3s.ContainerRuntime;
import dev.streamsmustflow.recovery.platform.k3s.K3sPlatform;

/**
 * The recovery scenarios on real Kubernetes (k3s in Testcontainers). Where Docker is missing, or
 * present but unable to pull the images, the suite skips within seconds and says why; with
 * {@code -Drecovery.k3s=require} (GitHub Actions) it fails instead.
 */
class K3sRecoveryIT extends RecoveryScenarioSuite {

    @Override
    Platform startPlatform() {
        String problem = K3sPlatform.unavailableBecause();
        if (problem != null && ContainerRuntime.required()) {
            throw new IllegalStateException("k3s is required (-Drecovery.k3s=require) but cannot run: " + problem);
        }
        skipUnless(problem == null, "k3s scenarios skipped: " + problem);
        return K3sPlatform.start(RunDirectory.create("k3s-recovery"));
    }
}
