package dev.streamsmustflow.recovery.checker.differential;

import dev.streamsmustflow.recovery.checker.TopicReader;
import dev.streamsmustflow.recovery.deployment.descriptor.OutputTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A described app's output topic as the differential check reads it: read committed (no record of an aborted
 * transaction), from the beginning to the end it has when the read starts, each record decoded by the topic's
 * formats; each partition's records in offset order, so that every key's records are in the order the app wrote
 * them.
 */
public final class OutputTopicReader {

    private OutputTopicReader() {
    }

    /** A record as read, with its timestamp (the broker's append time where the topic has it). */
    public record Timed(KeyedRecord record, long timestamp) {
    }

    /**
     * @throws IllegalArgumentException for a record the topic's formats cannot read, naming its partition and offset
     * @throws IllegalStateException when the end is not reached within {@code timeout}
     */
    public static List<KeyedRecord> readAll(String bootstrapServers, OutputTopic topic, Duration timeout) {
        return readTimed(bootstrapServers, topic, timeout).stream().map(Timed::record).toList();
    }

    /** The same, each record with its timestamp. */
    public static List<Timed> readTimed(String bootstrapServers, OutputTopic topic, Duration timeout) {
        RecordDecoder keys = new RecordDecoder(topic.key());
        RecordDecoder values = new RecordDecoder(topic.value());
        List<Timed> records = new ArrayList<>();
        readCommitted(bootstrapServers, topic.topic(), "differential-reader-", timeout, record -> {
            try {
                records.add(new Timed(new KeyedRecord(keys.decode(record.key()), values.decode(record.value())),
                        record.timestamp()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(topic.topic() + "-" + record.partition() + "@" + record.offset()
                        + ": " + e.getMessage(), e);
            }
        });
        return records;
    }

    /**
     * Every record of {@code topic} as bytes, read committed, each partition in offset order, to the end it has when
     * the read starts.
     *
     * @param clientIdPrefix names the reader in the broker's logs, before the topic's name
     */
    static void readCommitted(String bootstrapServers, String topic, String clientIdPrefix, Duration timeout,
            Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                ConsumerConfig.CLIENT_ID_CONFIG, clientIdPrefix + topic);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            TopicReader.readPartitions(consumer, partitions, topic, timeout, each);
        }
    }
}
