package dev.streamsmustflow.recovery.checker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;

/**
 * Reads the whole output topic with {@code read_committed}, as any downstream consumer would, and
 * parses every record into the fields the oracle compares.
 */
public final class OutputReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutputReader() {
    }

    public static List<OutputRecord> readAll(String bootstrapServers, String topic, Duration timeout) {
        return TopicReader.readToEnd(bootstrapServers, topic, IsolationLevel.READ_COMMITTED, timeout).stream()
                .map(OutputReader::parse)
                .toList();
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
            return new OutputRecord(window, aggregate, value.get("windowEnd").asLong(),
                    value.get("averagePriceCents").asDouble(), record.partition(), record.offset(), record.timestamp());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable output record at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset() + ": " + record.value(), e);
        }
    }
}
