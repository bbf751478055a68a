package dev.streamsmustflow.recovery.platform;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Creates topics (replication factor 1: every platform runs one broker) and returns once every
 * partition has a leader, so that the first send or read finds the topic usable.
 */
public final class TopicCreator {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** A topic's partitions and its configuration, e.g. {@code message.timestamp.type}. */
    public record Topic(int partitions, Map<String, String> configs) {

        public Topic {
            if (partitions < 1) {
                throw new IllegalArgumentException("a topic needs at least 1 partition, got " + partitions);
            }
            configs = Map.copyOf(configs);
        }
    }

    private TopicCreator() {
    }

    public static void create(Admin admin, Map<String, Topic> topics) {
        List<NewTopic> requests = topics.entrySet().stream()
                .map(topic -> new NewTopic(topic.getKey(), topic.getValue().partitions(), (short) 1)
                        .configs(topic.getValue().configs()))
                .toList();
        try {
            admin.createTopics(requests).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics " + topics.keySet(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create topics " + topics.keySet() + ": " + e.getMessage(), e);
        }
        await("leaders for every partition of " + topics.keySet())
                .atMost(TIMEOUT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> allPartitionsLed(admin, topics));
    }

    /**
     * Whether every partition has a leader that serves it. The metadata can name a leader before that broker has
     * created the partition's log (KRaft's brokers apply the metadata image on their own thread): a produce request
     * then fails, and an idempotent producer's retries of its first batches can end in
     * {@code OutOfOrderSequenceException} until its records expire. Asking the leaders for the partitions' end offsets
     * succeeds only once each serves its partition.
     */
    private static boolean allPartitionsLed(Admin admin, Map<String, Topic> topics) throws InterruptedException {
        Map<String, TopicDescription> descriptions;
        try {
            descriptions = admin.describeTopics(topics.keySet()).allTopicNames().get();
        } catch (ExecutionException notYetKnownToTheBroker) {
            return false;
        }
        boolean led = topics.entrySet().stream().allMatch(topic -> {
            TopicDescription description = descriptions.get(topic.getKey());
            return description.partitions().size() == topic.getValue().partitions()
                    && description.partitions().stream().allMatch(partition -> partition.leader() != null);
        });
        if (!led) {
            return false;
        }
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        descriptions.values().forEach(description -> description.partitions().forEach(partition ->
                ends.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest())));
        try {
            admin.listOffsets(ends).all().get();
            return true;
        } catch (ExecutionException notYetServed) {
            return false;
        }
    }
}
