package dev.streamsmustflow.recovery.platform.kubernetes;

import dev.streamsmustflow.recovery.platform.PlatformKind;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.util.Map;

/**
 * An existing Kubernetes cluster (from the kubeconfig) and an existing Kafka, for numbers from a
 * user's own infrastructure. It creates only namespaced objects, in a namespace that must exist, and
 * removes them after each scenario. It has no node access, so it cannot kill a process in place.
 */
public final class ClusterPlatform {

    private ClusterPlatform() {
    }

    public static KubernetesPlatform connect(ClusterSettings cluster, Path runDir) {
        if (!cluster.missing().isEmpty()) {
            throw new IllegalArgumentException("the cluster platform needs its " + cluster.missing().stream()
                    .map(ClusterSettings.Setting::suffix).toList() + " setting(s)");
        }
        Config config = cluster.context() == null ? Config.autoConfigure(null) : Config.autoConfigure(cluster.context());
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        KubernetesPlatform.Settings settings = new KubernetesPlatform.Settings(PlatformKind.CLUSTER,
                "cluster: Kubernetes at " + config.getMasterUrl() + ", namespace " + cluster.namespace() + "; Kafka at "
                        + cluster.bootstrap(),
                cluster.namespace(), cluster.bootstrap(), cluster.podBootstrapOrDefault(), Map.of(), cluster.image(),
                "IfNotPresent");
        return new KubernetesPlatform(settings, client, null, runDir);
    }
}
