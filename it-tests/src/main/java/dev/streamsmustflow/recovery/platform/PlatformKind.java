package dev.streamsmustflow.recovery.platform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The places a scenario can run, what each can do to pods whatever its configuration, and the session
 * timeout its scenarios run with.
 *
 * <p>The session timeout must outlast the platform's restart of a pod: a StatefulSet pod that comes
 * back under the same static member id within it keeps its tasks without a rebalance; one that comes
 * back later finds them moved, restored elsewhere, and a check such as "a graceful delete restores close
 * to nothing" fails by chance. The session runs from the member's last heartbeat (a third of the
 * timeout), so the timeout needs the restart plus that third, and room for a busy machine. It is not
 * shorter than needed either: a crashed member with dynamic membership holds its tasks for all of it.
 */
public enum PlatformKind {
    /**
     * A real Kafka broker and the app's pods as child JVMs on this machine; no Docker, no Kubernetes.
     * Measured on a 2-core machine: a replacement's app started 1.3 to 5.1 s after the old process was
     * gone while the input was idle (23 POD_KILL and 12 POD_DELETE runs of a StatefulSet), 3.9 to 6.4 s
     * while it flowed at 1,000 records a second (3 + 3 runs), and got its tasks up to 5.8 s after that: 15 s.
     */
    LOCAL(EnumSet.allOf(Capability.class), Duration.ofSeconds(15)),
    /**
     * Kafka and the app's pods as containers on a Docker engine (Testcontainers); no Kubernetes. Measured
     * on a 2-core machine: a replacement container's app started 2.5 to 5.4 s after the old process was
     * gone while the input was idle (8 POD_KILL and 5 POD_DELETE runs of a StatefulSet), 4.3 to 7.8 s while
     * it flowed at 1,000 records a second (3 POD_KILL and 7 POD_DELETE runs), and got its tasks up to 3.7 s
     * after that. With 10 s one replacement in four came back after its session and its tasks had moved: 15 s.
     */
    DOCKER(EnumSet.allOf(Capability.class), Duration.ofSeconds(15)),
    /**
     * k3s and Kafka in Testcontainers; the node is a container the harness can reach. The Kafka container
     * is not restarted: the pods reach it by its IP address on the network (hostAliases: they cannot use
     * Docker's DNS), which a restarted container need not get again. Reasoned, not measured (k3s has not
     * run on our machines): a StatefulSet's replacement is created only once the old pod has finished
     * terminating, then the kubelet sets up its sandbox, mounts the volume and starts the container, and
     * the JVM starts, on one node that also runs k3s and Kafka, on a 2-core CI runner: the docker
     * platform's 2.5 to 5.4 s plus the pod's setup, a few seconds, doubled for a busy node: 30 s.
     */
    K3S(EnumSet.complementOf(EnumSet.of(Capability.RESTART_BROKER)), Duration.ofSeconds(30)),
    /**
     * An existing Kubernetes cluster and Kafka: the harness has no access to its nodes, and the broker is
     * not ours. A replacement may be scheduled on another node and pull the image there: Kafka's default
     * session timeout, 45 s.
     */
    CLUSTER(EnumSet.of(Capability.DELETE_POD, Capability.SCALE), Duration.ofSeconds(45));

    private final Set<Capability> capabilities;
    private final Duration sessionTimeout;

    /** Whether this platform runs an app from its descriptor: the local one its jar, docker its image; not yet k3s, a cluster. */
    public boolean runsDescribedApps() {
        return this == LOCAL || this == DOCKER;
    }

    PlatformKind(Set<Capability> capabilities, Duration sessionTimeout) {
        this.capabilities = Set.copyOf(capabilities);
        this.sessionTimeout = sessionTimeout;
    }

    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** The app's {@code session.timeout.ms} on this platform unless a run sets another (see the class comment). */
    public Duration sessionTimeout() {
        return sessionTimeout;
    }

    /** The name results record and {@code --platform} takes: {@code local}, {@code docker}, {@code k3s}, {@code cluster}. */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The platform of a name as results record it. */
    @JsonCreator
    public static PlatformKind of(String name) {
        return Arrays.stream(values()).filter(kind -> kind.toString().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no platform is called '" + name + "': "
                        + Arrays.toString(values())));
    }
}
