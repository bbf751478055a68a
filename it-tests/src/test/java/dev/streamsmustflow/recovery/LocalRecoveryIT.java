package dev.streamsmustflow.recovery;

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
