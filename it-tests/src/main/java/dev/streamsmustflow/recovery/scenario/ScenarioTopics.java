package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.deployment.DeploymentSpec.Topics;
import dev.streamsmustflow.recovery.platform.Platform;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;

/** A scenario's topics: input and output with the scenario's partitions, the output stamped by the broker. */
public final class ScenarioTopics {

    /** Few malformed records arrive; one partition keeps them in order. */
    static final int DEAD_LETTER_PARTITIONS = 1;

    private ScenarioTopics() {
    }

    public static void create(Platform platform, Topics topics, int partitions) {
        platform.createTopic(topics.input(), partitions, Map.of());
        // The output gap is measured with broker append times.
        platform.createTopic(topics.output(), partitions, Map.of("message.timestamp.type", "LogAppendTime"));
        platform.createTopic(topics.deadLetter(), DEAD_LETTER_PARTITIONS, Map.of());
    }

    /**
     * Deletes every topic of an application once its scenario is over: its input, output and dead letters,
     * which are named after it, and Kafka Streams' changelog and repartition topics, which start with its
     * application id. A matrix at millions of records would otherwise fill the broker's disk; the broker
     * frees the space a minute later ({@code file.delete.delay.ms}).
     */
    public static void delete(Admin admin, String applicationId, Topics topics) {
        try {
            Set<String> own = admin.listTopics().names().get().stream()
                    .filter(name -> name.startsWith(applicationId + "-") || name.equals(topics.input())
                            || name.equals(topics.output()) || name.equals(topics.deadLetter()))
                    .collect(Collectors.toSet());
            admin.deleteTopics(own).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot delete the topics of " + applicationId + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deleting the topics of " + applicationId, e);
        }
    }
}
