package dev.streamsmustflow.recovery;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/** Where a scenario runs: a Kafka cluster and something that runs pods of the application. */
public interface Platform extends AutoCloseable {

    /** {@code local}, {@code k3s} or {@code cluster}; recorded in every result. */
    String name();

    /** What this platform is, honestly: the local platform is not Kubernetes. */
    String description();

    /** Bootstrap servers reachable from the harness (the workload and the oracle use them). */
    String bootstrapServers();

    Admin admin();

    void createTopic(String name, int partitions, Map<String, String> configs);

    /** Whether this platform can inject the fault (CONTAINER_KILL needs access to the node). */
    default boolean supports(Fault fault) {
        return true;
    }

    /** Deploys the application; its pods' events and telemetry go to {@code history}. */
    DeployedApp deploy(DeploymentSpec spec, History history);

    @Override
    void close();
}
