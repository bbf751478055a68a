package dev.streamsmustflow.recovery.workload.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsmustflow.recovery.deployment.descriptor.InputTopic;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * An input topic's records from a file: one JSON object a line with {@code key}, {@code value}, {@code timestamp}
 * (epoch milliseconds) and optionally {@code partition}; blank lines are skipped. Each key and value is encoded by
 * the topic's formats. A line that is not such an object is an {@link IllegalArgumentException} naming the file,
 * the line and the field.
 */
public final class RecordFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("key", "value", "timestamp", "partition");

    private RecordFile() {
    }

    public static List<ReplayRecord> read(Path file, InputTopic topic) {
        RecordEncoder keys = new RecordEncoder(topic.key());
        RecordEncoder values = new RecordEncoder(topic.value());
        List<ReplayRecord> records = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (!line.isBlank()) {
                    records.add(record(line, number, keys, values, topic.partitions(), file + ":" + number + ": "));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the input file " + file + ": " + e.getMessage(), e);
        }
        return records;
    }

    /**
     * One line of the format, encoded by the topic's formats.
     *
     * @param where what an error names first: the file and line, or the generator and record
     */
    static ReplayRecord record(String line, int number, RecordEncoder keys, RecordEncoder values, int partitions,
            String where) {
        try {
            JsonNode object = JSON.readTree(line);
            if (!object.isObject()) {
                throw new IllegalArgumentException("a line must be a JSON object, not " + object.getNodeType());
            }
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    throw new IllegalArgumentException("unknown field '" + name + "' (fields: key, value, timestamp, "
                            + "partition)");
                }
            }
            JsonNode timestamp = object.get("timestamp");
            if (timestamp == null || !timestamp.isIntegralNumber() || timestamp.longValue() < 0) {
                throw new IllegalArgumentException("'timestamp' must be epoch milliseconds, not " + timestamp);
            }
            JsonNode partition = object.get("partition");
            if (partition != null && (!partition.isInt() || partition.intValue() < 0 || partition.intValue() >= partitions)) {
                throw new IllegalArgumentException("'partition' must be from 0 to " + (partitions - 1) + ", not "
                        + partition);
            }
            return new ReplayRecord(field(keys, object, "key"), field(values, object, "value"),
                    timestamp.longValue(), partition == null ? null : partition.intValue(), number);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + "not JSON: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private static byte[] field(RecordEncoder encoder, JsonNode object, String name) {
        try {
            return encoder.encode(object.get(name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "': " + e.getMessage(), e);
        }
    }
}
