package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.platform.kubernetes.ClusterPlatform;
import dev.streamsmustflow.recovery.platform.kubernetes.ClusterSettings;

/**
 * The recovery scenarios on an existing cluster and Kafka; only when asked for with
 * {@code -Drecovery.platform=cluster} and the {@code -Drecovery.cluster.*} properties of {@link ClusterSettings}.
 */
class ClusterRecoveryIT extends RecoveryScenarioSuite {

    @Override
    Platform startPlatform() {
        skipUnless("cluster".equals(System.getProperty("recovery.platform")),
                "the cluster scenarios run only with -Drecovery.platform=cluster (see docs/kubernetes.md)");
        ClusterSettings cluster = ClusterSettings.fromSystemProperties();
        if (!cluster.missing().isEmpty()) {
            throw new IllegalStateException("-Drecovery.platform=cluster needs the properties " + cluster.missing().stream()
                    .map(ClusterSettings.Setting::property).toList());
        }
        return ClusterPlatform.connect(cluster, RunDirectory.create("cluster-recovery"));
    }
}
