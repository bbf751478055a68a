package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.platform.local.LocalPlatform;

/**
 * The recovery scenarios on the local platform: a real Kafka broker, the app's pods as child JVMs,
 * StatefulSet and Deployment semantics played by the local controller. Runs everywhere.
 */
class LocalRecoveryIT extends RecoveryScenarioSuite {

    @Override
    Platform startPlatform() {
        return LocalPlatform.start(RunDirectory.create("local-recovery"));
    }
}
