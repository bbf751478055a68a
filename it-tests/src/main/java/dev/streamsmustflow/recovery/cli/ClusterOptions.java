package dev.streamsmustflow.recovery.cli;

import dev.streamsmustflow.recovery.platform.kubernetes.ClusterSettings;
import picocli.CommandLine.Option;

/** {@code --cluster-*}: how to reach an existing cluster and Kafka, for {@code --platform cluster} only. */
final class ClusterOptions {

    @Option(names = "--cluster-namespace", description = "With --platform cluster: the namespace to deploy into "
            + "(it must exist). Required there.")
    String namespace;

    @Option(names = "--cluster-bootstrap", description = "With --platform cluster: Kafka bootstrap servers as this "
            + "machine reaches them. Required there.")
    String bootstrap;

    @Option(names = "--cluster-pod-bootstrap", description = "With --platform cluster: Kafka as the pods reach it "
            + "(default: --cluster-bootstrap).")
    String podBootstrap;

    @Option(names = "--cluster-image", description = "With --platform cluster: the trade-stats image in a registry the "
            + "cluster pulls from. Required there.")
    String image;

    @Option(names = "--cluster-context", description = "With --platform cluster: a kubeconfig context (default: the "
            + "current one).")
    String context;

    ClusterSettings settings() {
        return new ClusterSettings(namespace, bootstrap, podBootstrap, image, context);
    }

    /** @throws IllegalArgumentException naming the options that are missing, or given where they mean nothing */
    void validate(boolean clusterPlatform) {
        ClusterSettings settings = settings();
        if (clusterPlatform && !settings.missing().isEmpty()) {
            throw new IllegalArgumentException("--platform cluster needs " + String.join(", ",
                    settings.missing().stream().map(setting -> "--cluster-" + setting.suffix()).toList()));
        }
        if (!clusterPlatform && settings.anyGiven()) {
            throw new IllegalArgumentException("the --cluster-* options apply to --platform cluster only");
        }
    }
}
