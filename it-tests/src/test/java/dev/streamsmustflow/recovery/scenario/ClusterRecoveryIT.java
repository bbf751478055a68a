package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.platform.kubernetes.ClusterPlatform;

/**
 * The recovery scenarios on an existing cluster and Kafka; only when asked for with
 * {@code -Drecovery.platform=cluster} and the properties of {@link ClusterPlatform}.
 */
class ClusterRecoveryIT extends RecoveryScenarioSuite {

    @Override
    Platform startPlatform() {
        skipUnless("cluster".equals(System.getProperty("recovery.platform")),
                "the cluster scenarios run only with -Drecovery.platform=cluster (see the README)");
        return ClusterPlatform.connect(RunDirectory.create("cluster-recovery"));
    }
}
