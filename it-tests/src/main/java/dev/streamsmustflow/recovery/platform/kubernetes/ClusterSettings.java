package dev.streamsmustflow.recovery.platform.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /** Each setting, named as an option ({@code --cluster-pod-bootstrap}) and as a property ({@code recovery.cluster.pod-bootstrap}). */
    public enum Setting {
        NAMESPACE, BOOTSTRAP, POD_BOOTSTRAP, IMAGE, CONTEXT;

        /** The part after {@code --cluster-} and {@code recovery.cluster.}, e.g. {@code pod-bootstrap}. */
        public String suffix() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public String property() {
            return "recovery.cluster." + suffix();
        }
    }

    public static ClusterSettings fromSystemProperties() {
        return new ClusterSettings(System.getProperty(Setting.NAMESPACE.property()),
                System.getProperty(Setting.BOOTSTRAP.property()), System.getProperty(Setting.POD_BOOTSTRAP.property()),
                System.getProperty(Setting.IMAGE.property()), System.getProperty(Setting.CONTEXT.property()));
    }

    /** The required settings that are missing; empty when the settings are complete. */
    public List<Setting> missing() {
        List<Setting> missing = new ArrayList<>();
        if (isBlank(namespace)) {
            missing.add(Setting.NAMESPACE);
        }
        if (isBlank(bootstrap)) {
            missing.add(Setting.BOOTSTRAP);
        }
        if (isBlank(image)) {
            missing.add(Setting.IMAGE);
        }
        return missing;
    }

    /** Whether any setting is given at all. */
    public boolean anyGiven() {
        return !(isBlank(namespace) && isBlank(bootstrap) && isBlank(podBootstrap) && isBlank(image) && isBlank(context));
    }

    public String podBootstrapOrDefault() {
        return isBlank(podBootstrap) ? bootstrap : podBootstrap;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
