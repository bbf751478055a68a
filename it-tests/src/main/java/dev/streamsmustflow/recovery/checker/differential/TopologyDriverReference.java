package dev.streamsmustflow.recovery.checker.differential;

import dev.streamsmustflow.recovery.deployment.descriptor.OutputTopic;
import dev.streamsmustflow.recovery.workload.replay.ReplayRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;

/**
 * The expected output of an app without faults, from its own topology in {@link TopologyTestDriver}: the input
 * records of every topic piped in the order of their timestamps (a topic's own in the order of its file where
 * timestamps tie), and each output topic read back and decoded. The driver has one partition per topic, processes one
 * record at a time and runs here without a record cache, so it writes every update, also one that a run's cache
 * may let through between two commits: a run's {@code table} output must follow it in order, skipping what its
 * cache held back.
 */
public final class TopologyDriverReference {

    private TopologyDriverReference() {
    }

    /**
     * @param properties the app's properties for the driver (its serdes, its settings); the application id, a
     *     bootstrap address and a state directory of its own are set where missing
     * @param input each input topic's records
     * @return each output topic's records, in the order the driver wrote them
     */
    public static Map<String, List<KeyedRecord>> expectedOutput(Topology topology, Map<String, String> properties,
            Map<String, List<ReplayRecord>> input, List<OutputTopic> outputs) {
        Path stateDir = temporaryStateDirectory();
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "reference");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "reference:9092");
        settings.putAll(properties);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // no record cache: every update is written, also those a run's cache may let through between two commits
        settings.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, settings, Instant.EPOCH)) {
            Map<String, TestOutputTopic<byte[], byte[]>> outputTopics = new LinkedHashMap<>();
            for (OutputTopic output : outputs) {
                outputTopics.put(output.topic(), driver.createOutputTopic(output.topic(), new ByteArrayDeserializer(),
                        new ByteArrayDeserializer()));
            }
            for (TopicRecord next : inTimestampOrder(input)) {
                TestInputTopic<byte[], byte[]> topic = driver.createInputTopic(next.topic(), new ByteArraySerializer(),
                        new ByteArraySerializer());
                topic.pipeInput(new TestRecord<>(next.record().key(), next.record().value(), null,
                        next.record().timestamp()));
            }
            Map<String, List<KeyedRecord>> written = new LinkedHashMap<>();
            for (OutputTopic output : outputs) {
                RecordDecoder keys = new RecordDecoder(output.key());
                RecordDecoder values = new RecordDecoder(output.value());
                written.put(output.topic(), outputTopics.get(output.topic()).readRecordsToList().stream()
                        .map(record -> new KeyedRecord(keys.decode(record.key()), values.decode(record.value())))
                        .toList());
            }
            return written;
        } finally {
            deleteQuietly(stateDir);
        }
    }

    private record TopicRecord(String topic, ReplayRecord record) {
    }

    private static List<TopicRecord> inTimestampOrder(Map<String, List<ReplayRecord>> input) {
        List<TopicRecord> all = new ArrayList<>();
        input.forEach((topic, records) -> records.forEach(record -> all.add(new TopicRecord(topic, record))));
        all.sort(Comparator.comparingLong(next -> next.record().timestamp())); // stable: ties keep file order
        return all;
    }

    private static Path temporaryStateDirectory() {
        try {
            return Files.createTempDirectory("reference-state");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a state directory for the reference: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            org.apache.kafka.common.utils.Utils.delete(directory.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the reference's state directory " + directory, e);
        }
    }
}
