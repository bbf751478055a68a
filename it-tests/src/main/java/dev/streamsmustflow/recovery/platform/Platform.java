package dev.streamsmustflow.recovery.platform;

import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.nemesis.Fault;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** Where a scenario runs: a Kafka cluster and something that runs pods of the application. */
public interface Platform extends AutoCloseable {

    /** {@code local}, {@code k3s} or {@code cluster}; recorded in every result. */
    String name();

    /** What this platform is, honestly: the local platform is not Kubernetes. */
    String description();

    /** Bootstrap servers reachable from the harness (the workload and the oracle use them). */
    String bootstrapServers();

    Admin admin();

    /** Creates a topic (replication factor 1: the platforms run one broker) through {@link #admin()}. */
    default void createTopic(String name, int partitions, Map<String, String> configs) {
        try {
            admin().createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs))).all()
                    .get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + name + " on " + bootstrapServers() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        }
    }

    /** Whether this platform can inject the fault (CONTAINER_KILL needs access to the node). */
    default boolean supports(Fault fault) {
        return true;
    }

    /** Deploys the application; its pods' events and telemetry go to {@code history}. */
    DeployedApp deploy(DeploymentSpec spec, History history);

    @Override
    void close();
}
