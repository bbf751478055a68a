package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.platform.k3s.K3sPlatform;

/**
 * The recovery scenarios on real Kubernetes (k3s in Testcontainers). Where Docker is missing, or
 * present but unable to pull the images, the suite skips within seconds and says why; with
 * {@code -Drecovery.k3s=require} (GitHub Actions) it fails instead.
 */
class K3sRecoveryIT extends RecoveryScenarioSuite {

    @Override
    Platform startPlatform() {
        requireOrSkip("k3s", K3sPlatform.unavailableBecause(), K3sPlatform.required(), K3sPlatform.MODE_PROPERTY);
        return K3sPlatform.start(RunDirectory.create("k3s-recovery"));
    }
}
