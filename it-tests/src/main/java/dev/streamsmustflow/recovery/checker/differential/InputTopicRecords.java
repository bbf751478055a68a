package dev.streamsmustflow.recovery.checker.differential;

import dev.streamsmustflow.recovery.checker.TopicReader;
import dev.streamsmustflow.recovery.workload.replay.ReplayRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.IsolationLevel;
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
        List<ReplayRecord> records = new ArrayList<>();
        TopicReader.readToEnd(bootstrapServers, topic, IsolationLevel.READ_COMMITTED, "reference-input-reader-",
                new ByteArrayDeserializer(), new ByteArrayDeserializer(), timeout, record -> records.add(new ReplayRecord(record.key(), record.value(), record.timestamp(),
                        record.partition(), records.size() + 1)));
        return records;
    }
}
