package dev.streamsmustflow.recovery.checker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;

/** Reads the whole dead-letter topic with {@code read_committed}, as any downstream consumer would. */
public final class DeadLetterReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeadLetterReader() {
    }

    public static List<DeadLetterRecord> readAll(String bootstrapServers, String topic, Duration timeout) {
        return TopicReader.readToEnd(bootstrapServers, topic, IsolationLevel.READ_COMMITTED, timeout).stream()
                .map(DeadLetterReader::parse)
                .toList();
    }

    static DeadLetterRecord parse(ConsumerRecord<String, String> record) {
        try {
            JsonNode value = JSON.readTree(record.value());
            JsonNode partition = value.path("partition");
            JsonNode offset = value.path("offset");
            return new DeadLetterRecord(partition.isIntegralNumber() ? partition.asInt() : null,
                    offset.isIntegralNumber() ? offset.asLong() : null, value.path("reason").asText());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable dead letter at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset() + ": " + record.value(), e);
        }
    }
}
