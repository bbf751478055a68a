package dev.streamsmustflow.recovery.checker.differential;

import dev.streamsmustflow.recovery.checker.TopicReader;
import dev.streamsmustflow.recovery.deployment.descriptor.OutputTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.IsolationLevel;
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
        TopicReader.readToEnd(bootstrapServers, topic.topic(), IsolationLevel.READ_COMMITTED, "differential-reader-",
                new ByteArrayDeserializer(), new ByteArrayDeserializer(), timeout, record -> {
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
}
