package dev.streamsmustflow.recovery.platform.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.util.Map;

/**
 * An existing Kubernetes cluster (from the kubeconfig) and an existing Kafka, for numbers from a
 * user's own infrastructure. It creates only namespaced objects, in a namespace that must exist, and
 * removes them after each scenario. It has no node access, so CONTAINER_KILL is not supported.
 *
 * <p>System properties: {@value #NAMESPACE} (required), {@value #BOOTSTRAP} (required: Kafka as the
 * harness reaches it), {@value #POD_BOOTSTRAP} (Kafka as pods reach it; defaults to the former),
 * {@value #IMAGE} (required: the app image in a registry the cluster can pull from), {@value #CONTEXT}
 * (a kubeconfig context; default the current one).
 */
public final class ClusterPlatform {

    public static final String NAMESPACE = "recovery.cluster.namespace";
    public static final String BOOTSTRAP = "recovery.cluster.bootstrap";
    public static final String POD_BOOTSTRAP = "recovery.cluster.pod-bootstrap";
    public static final String IMAGE = "recovery.cluster.image";
    public static final String CONTEXT = "recovery.cluster.context";

    private ClusterPlatform() {
    }

    public static KubernetesPlatform connect(Path runDir) {
        String namespace = required(NAMESPACE, "the namespace to deploy into (it must exist)");
        String bootstrap = required(BOOTSTRAP, "Kafka bootstrap servers reachable from this machine");
        String image = required(IMAGE, "the trade-stats image in a registry the cluster can pull from");
        String context = System.getProperty(CONTEXT);
        Config config = context == null ? Config.autoConfigure(null) : Config.autoConfigure(context);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        KubernetesPlatform.Settings settings = new KubernetesPlatform.Settings("cluster",
                "cluster: Kubernetes at " + config.getMasterUrl() + ", namespace " + namespace + "; Kafka at " + bootstrap,
                namespace, bootstrap, System.getProperty(POD_BOOTSTRAP, bootstrap), Map.of(), image, "IfNotPresent");
        return new KubernetesPlatform(settings, client, null, runDir);
    }

    private static String required(String property, String what) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("-D" + property + " is required: " + what);
        }
        return value;
    }
}
