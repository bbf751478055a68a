package dev.streamsmustflow.recovery.checker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;

/**
 * A whole topic of JSON values read with {@code read_committed}, as any downstream consumer would, each record parsed
 * into what a checker compares; a record that does not parse fails the read, naming where it is and what it holds.
 *
 * @param what what the topic holds, for the error: {@code output record}, {@code dead letter}
 */
public record CommittedJsonTopic<T>(String what, Parser<T> parser) {

    /** The app's output topic: windowed aggregates, with the fields the oracle compares. */
    public static final CommittedJsonTopic<OutputRecord> OUTPUT = new CommittedJsonTopic<>("output record",
            OutputRecord::of);
    /** The app's dead-letter topic: where each rejected input record was, and why. */
    public static final CommittedJsonTopic<DeadLetterRecord> DEAD_LETTERS = new CommittedJsonTopic<>("dead letter",
            DeadLetterRecord::of);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a record becomes, from the record and its value as JSON. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(ConsumerRecord<String, String> record, JsonNode value);
    }

    public List<T> readAll(String bootstrapServers, String topic, Duration timeout) {
        return TopicReader.readToEnd(bootstrapServers, topic, IsolationLevel.READ_COMMITTED, timeout).stream()
                .map(this::parse)
                .toList();
    }

    T parse(ConsumerRecord<String, String> record) {
        try {
            return parser.parse(record, JSON.readTree(record.value()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable " + what + " at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset() + ": " + record.value(), e);
        }
    }
}
