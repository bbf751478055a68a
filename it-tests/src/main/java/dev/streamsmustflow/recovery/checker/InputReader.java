package dev.streamsmustflow.recovery.checker;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.IsolationLevel;

/**
 * Reads the whole input topic back after a run: what the app had to process, which is what the
 * broker holds, not what the workload believes it sent.
 */
public final class InputReader {

    private InputReader() {
    }

    public static List<InputRecord> readAll(String bootstrapServers, String topic, Duration timeout) {
        // the workload's producer is not transactional: every record it wrote is committed
        return TopicReader.readToEnd(bootstrapServers, topic, IsolationLevel.READ_COMMITTED, timeout).stream()
                .map(record -> new InputRecord(record.partition(), record.offset(), record.key(), record.value()))
                .toList();
    }
}
