package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.platform.docker.DockerPlatform;

/**
 * The recovery scenarios in real containers: Kafka in a {@code KafkaContainer}, the pods as containers
 * of the app's image with the manifests' security, on a Docker engine (Testcontainers). Where no engine
 * runs, or the images are neither pullable nor built by {@code scripts/offline-images}, the suite
 * skips within seconds and says why; with {@code -Drecovery.docker=require} it fails instead.
 */
class DockerRecoveryIT extends RecoveryScenarioSuite {

    @Override
    Platform startPlatform() {
        requireOrSkip("docker", DockerPlatform.unavailableBecause(), DockerPlatform.required(), DockerPlatform.MODE_PROPERTY);
        return DockerPlatform.start(RunDirectory.create("docker-recovery"));
    }

    /** The app's image: scripts/offline-images builds the word count's beside trade-stats'. */
    @Override
    void assumeRuns(AppDescriptor app) {
        requireOrSkip("docker " + app.name(), DockerPlatform.describedImageUnavailableBecause(app), DockerPlatform.required(),
                DockerPlatform.MODE_PROPERTY);
    }
}
