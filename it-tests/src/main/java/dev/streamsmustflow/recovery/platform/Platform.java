package dev.streamsmustflow.recovery.platform;

import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.descriptor.AppArtifacts;
import dev.streamsmustflow.recovery.history.History;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/** Where a scenario runs: a Kafka cluster and something that runs pods of the application. */
public interface Platform extends AutoCloseable {

    /**
     * Which platform this is: its name (recorded in every result), what it can do to pods (a fault that needs
     * more is refused before anything is deployed) and the app's session timeout here unless a run sets another.
     */
    PlatformKind kind();

    /** What this platform is, honestly: the local platform is not Kubernetes. */
    String description();

    /** Bootstrap servers reachable from the harness (the workload and the oracle use them). */
    String bootstrapServers();

    Admin admin();

    /** Creates a topic (replication factor 1: the platforms run one broker) and waits for its partition leaders. */
    default void createTopic(String name, int partitions, Map<String, String> configs) {
        TopicCreator.create(admin(), Map.of(name, new TopicCreator.Topic(partitions, configs)));
    }

    /**
     * Stops the Kafka broker (SIGTERM, a controlled shutdown as in a rolling upgrade) and starts it again
     * on the same address and data, while the pods keep running; records both in {@code history}.
     * Only where {@link Capability#RESTART_BROKER} is among the {@link #kind()}'s capabilities.
     */
    default void restartBroker(History history) {
        throw new UnsupportedOperationException(kind() + " cannot restart its Kafka broker");
    }

    /** The Kafka broker process's peak resident memory so far, or why this platform cannot read it. */
    default ProcessMemory brokerMemory() {
        return ProcessMemory.unmeasured(kind() + " does not read its broker's process memory");
    }

    /**
     * The version a described app declares in what this platform runs of it (the jar's manifest, the image's
     * {@code org.opencontainers.image.version} label), or null where it declares none or this platform cannot tell.
     */
    default String declaredVersion(AppArtifacts app) {
        return null;
    }

    /** Deploys the application; its pods' events and telemetry go to {@code history}. */
    DeployedApp deploy(DeploymentSpec spec, History history);

    @Override
    void close();
}
