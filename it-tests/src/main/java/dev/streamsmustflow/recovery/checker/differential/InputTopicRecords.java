package dev.streamsmustflow.recovery.checker.differential;

import dev.streamsmustflow.recovery.checker.TopicReader;
import dev.streamsmustflow.recovery.workload.replay.ReplayRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A run's input topic as a reference replays it: every record's bytes, timestamp and partition, each partition in
 * offset order, read committed, to the end it has when the read starts.
 */
public final class InputTopicRecords {

    private InputTopicRecords() {
    }

    /** @throws IllegalStateException when the end is not reached within {@code timeout} */
    public static List<ReplayRecord> readAll(String bootstrapServers, String topic, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                ConsumerConfig.CLIENT_ID_CONFIG, "reference-input-reader-" + topic);
        List<ReplayRecord> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            TopicReader.readPartitions(consumer, partitions, topic, timeout, record -> records.add(new ReplayRecord(
                    record.key(), record.value(), record.timestamp(), record.partition(), records.size() + 1)));
        }
        return records;
    }
}
