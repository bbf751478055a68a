package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.platform.local.LocalPlatform;
import dev.streamsmustflow.recovery.platform.local.PodJvm;

/**
 * The recovery scenarios on the local platform: a real Kafka broker, the app's pods as child JVMs,
 * StatefulSet and Deployment semantics played by the local controller. Runs everywhere. The pods'
 * JVMs start quickly (C1 only): the suite checks behaviour, and a 2-core machine runs it in minutes.
 */
class LocalRecoveryIT extends RecoveryScenarioSuite {

    @Override
    Platform startPlatform() {
        return LocalPlatform.start(RunDirectory.create("local-recovery"), PodJvm.QUICK_START);
    }
}
