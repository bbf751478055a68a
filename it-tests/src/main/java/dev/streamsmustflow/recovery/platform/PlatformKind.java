package dev.streamsmustflow.recovery.platform;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The places a scenario can run, and what each can do to pods whatever its configuration. */
public enum PlatformKind {
    /** A real Kafka broker and the app's pods as child JVMs on this machine; no Docker, no Kubernetes. */
    LOCAL(EnumSet.allOf(Capability.class)),
    /** Kafka and the app's pods as containers on a Docker engine (Testcontainers); no Kubernetes. */
    DOCKER(EnumSet.allOf(Capability.class)),
    /**
     * k3s and Kafka in Testcontainers; the node is a container the harness can reach. The Kafka container
     * is not restarted: the pods reach it by its IP address on the network (hostAliases: they cannot use
     * Docker's DNS), which a restarted container need not get again.
     */
    K3S(EnumSet.complementOf(EnumSet.of(Capability.RESTART_BROKER))),
    /** An existing Kubernetes cluster and Kafka: the harness has no access to its nodes, and the broker is not ours. */
    CLUSTER(EnumSet.of(Capability.DELETE_POD, Capability.SCALE));

    private final Set<Capability> capabilities;

    PlatformKind(Set<Capability> capabilities) {
        this.capabilities = Set.copyOf(capabilities);
    }

    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** The name results record and {@code --platform} takes: {@code local}, {@code docker}, {@code k3s}, {@code cluster}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
