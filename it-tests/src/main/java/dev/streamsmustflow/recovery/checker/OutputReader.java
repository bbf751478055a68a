package dev.streamsmustflow.recovery.checker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the whole output topic with {@code read_committed}, as any downstream consumer would, up to
 * the last stable offset of every partition.
 */
public final class OutputReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutputReader() {
    }

    public static List<OutputRecord> readAll(String bootstrapServers, String topic, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                ConsumerConfig.CLIENT_ID_CONFIG, "oracle-" + topic);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            List<OutputRecord> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end " + ends + " within " + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(parse(record));
                }
            }
            return records;
        }
    }

    static OutputRecord parse(ConsumerRecord<String, String> record) {
        try {
            JsonNode value = JSON.readTree(record.value());
            String window = value.get("symbol").asText() + "@" + value.get("windowStart").asLong();
            if (!window.equals(record.key())) {
                throw new IllegalStateException("key " + record.key() + " does not match its value " + record.value());
            }
            WindowAggregate aggregate = new WindowAggregate(value.get("count").asLong(), value.get("sumPriceCents").asLong(),
                    value.get("minPriceCents").asLong(), value.get("maxPriceCents").asLong(), value.get("volume").asLong());
            return new OutputRecord(window, aggregate, value.get("windowEnd").asLong(), record.partition(), record.offset(),
                    record.timestamp());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable output record at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset() + ": " + record.value(), e);
        }
    }
}
