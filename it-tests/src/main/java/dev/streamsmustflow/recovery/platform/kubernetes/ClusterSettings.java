package dev.streamsmustflow.recovery.platform.kubernetes;

import java.util.ArrayList;
import java.util.List;

/**
 * How to reach an existing cluster and Kafka: from {@code ./compare --cluster-*} options or, for the
 * test suite, the {@code -Drecovery.cluster.*} system properties.
 *
 * @param namespace the namespace to deploy into; it must exist
 * @param bootstrap Kafka bootstrap servers as this machine reaches them
 * @param podBootstrap Kafka as the pods reach it; null for the same as {@code bootstrap}
 * @param image the trade-stats image in a registry the cluster pulls from
 * @param context a kubeconfig context; null for the current one
 */
public record ClusterSettings(String namespace, String bootstrap, String podBootstrap, String image, String context) {

    public static final String NAMESPACE_PROPERTY = "recovery.cluster.namespace";
    public static final String BOOTSTRAP_PROPERTY = "recovery.cluster.bootstrap";
    public static final String POD_BOOTSTRAP_PROPERTY = "recovery.cluster.pod-bootstrap";
    public static final String IMAGE_PROPERTY = "recovery.cluster.image";
    public static final String CONTEXT_PROPERTY = "recovery.cluster.context";

    public static ClusterSettings fromSystemProperties() {
        return new ClusterSettings(System.getProperty(NAMESPACE_PROPERTY), System.getProperty(BOOTSTRAP_PROPERTY),
                System.getProperty(POD_BOOTSTRAP_PROPERTY), System.getProperty(IMAGE_PROPERTY),
                System.getProperty(CONTEXT_PROPERTY));
    }

    /** What is missing, by the name of each option or property; empty when the settings are complete. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (isBlank(namespace)) {
            missing.add("namespace (the namespace to deploy into; it must exist)");
        }
        if (isBlank(bootstrap)) {
            missing.add("bootstrap (Kafka bootstrap servers reachable from this machine)");
        }
        if (isBlank(image)) {
            missing.add("image (the trade-stats image in a registry the cluster can pull from)");
        }
        return missing;
    }

    public String podBootstrapOrDefault() {
        return isBlank(podBootstrap) ? bootstrap : podBootstrap;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
