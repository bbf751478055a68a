package dev.streamsmustflow.recovery.checker.differential;

import dev.streamsmustflow.recovery.deployment.descriptor.OutputTopic;
import dev.streamsmustflow.recovery.workload.replay.ReplayRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The expected output of an app without faults, from its own topology in {@link TopologyTestDriver}, which runs
 * here without a record cache, so that it writes every update, also one a run's cache may let through between two
 * commits: a run's {@code table} output must follow it in order, skipping what its cache held back.
 *
 * <p>A driver has one partition per topic and one stream time. Where the topology has a single sub-topology (no
 * repartition, no global store) and every input record's partition is known, each input partition gets a driver of
 * its own, as each gets a task of its own in a run: a windowed app's stream time, and so which records are too late,
 * is then the run's. Otherwise one driver takes all records, and a record another partition's later records made
 * too late in the driver may not have been in the run. Either way each partition's records are piped in their order
 * (the order they were sent in), and where several topics feed a driver the record with the lowest timestamp at the
 * head of its topic goes first, as a task picks among its partitions.
 */
public final class TopologyDriverReference {

    private TopologyDriverReference() {
    }

    /**
     * @param topologies builds the app's topology, once per driver
     * @param properties the app's properties for the driver (its serdes, its settings); the application id and a
     *     bootstrap address are set where missing, the state directory and the record cache are the reference's
     * @param input each input topic's records, in the order they were sent
     */
    public static ExpectedOutput expectedOutput(Supplier<Topology> topologies, Map<String, String> properties,
            Map<String, List<ReplayRecord>> input, List<OutputTopic> outputs) {
        Topology first = topologies.get();
        boolean perPartition = singleTask(first) && input.values().stream().flatMap(List::stream)
                .allMatch(record -> record.partition() != null);
        if (!perPartition) {
            return new ExpectedOutput(drive(first, properties, input, outputs), "TopologyTestDriver, one driver for all "
                    + "partitions");
        }
        Map<Integer, Map<String, List<ReplayRecord>>> byPartition = new TreeMap<>();
        input.forEach((topic, records) -> records.forEach(record -> byPartition
                .computeIfAbsent(record.partition(), partition -> new LinkedHashMap<>())
                .computeIfAbsent(topic, name -> new ArrayList<>()).add(record)));
        Map<String, List<KeyedRecord>> written = new LinkedHashMap<>();
        outputs.forEach(output -> written.put(output.topic(), new ArrayList<>()));
        for (Map<String, List<ReplayRecord>> partitionInput : byPartition.values()) {
            drive(topologies.get(), properties, partitionInput, outputs)
                    .forEach((topic, records) -> written.get(topic).addAll(records));
        }
        return new ExpectedOutput(written, "TopologyTestDriver, one driver per partition");
    }

    /** Whether a run has one task per input partition and nothing shared between them. */
    private static boolean singleTask(Topology topology) {
        TopologyDescription description = topology.describe();
        return description.subtopologies().size() == 1 && description.globalStores().isEmpty();
    }

    private static Map<String, List<KeyedRecord>> drive(Topology topology, Map<String, String> properties,
            Map<String, List<ReplayRecord>> input, List<OutputTopic> outputs) {
        Path stateDir = temporaryStateDirectory();
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "reference");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "reference:9092");
        settings.putAll(properties);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        settings.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, settings, Instant.EPOCH)) {
            Map<String, TestOutputTopic<byte[], byte[]>> outputTopics = new LinkedHashMap<>();
            for (OutputTopic output : outputs) {
                outputTopics.put(output.topic(), driver.createOutputTopic(output.topic(), new ByteArrayDeserializer(),
                        new ByteArrayDeserializer()));
            }
            Map<String, TestInputTopic<byte[], byte[]>> inputTopics = new LinkedHashMap<>();
            for (TopicRecord next : inProcessingOrder(input)) {
                inputTopics.computeIfAbsent(next.topic(), topic -> driver.createInputTopic(topic,
                        new ByteArraySerializer(), new ByteArraySerializer()))
                        .pipeInput(new TestRecord<>(next.record().key(), next.record().value(), null,
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
            deleteEmptied(stateDir);
        }
    }

    private record TopicRecord(String topic, ReplayRecord record) {
    }

    /** Each topic's records in their order; among the topics' heads, the lowest timestamp first (the first topic on a tie). */
    private static List<TopicRecord> inProcessingOrder(Map<String, List<ReplayRecord>> input) {
        List<Deque<TopicRecord>> heads = new ArrayList<>();
        input.forEach((topic, records) -> {
            Deque<TopicRecord> queue = new ArrayDeque<>();
            records.forEach(record -> queue.add(new TopicRecord(topic, record)));
            heads.add(queue);
        });
        List<TopicRecord> ordered = new ArrayList<>();
        Comparator<Deque<TopicRecord>> byHead = Comparator.comparingLong(queue -> queue.peekFirst().record().timestamp());
        for (Optional<Deque<TopicRecord>> next = nextHead(heads, byHead); next.isPresent(); next = nextHead(heads, byHead)) {
            ordered.add(next.get().pollFirst());
        }
        return ordered;
    }

    private static Optional<Deque<TopicRecord>> nextHead(List<Deque<TopicRecord>> heads,
            Comparator<Deque<TopicRecord>> byHead) {
        return heads.stream().filter(queue -> !queue.isEmpty()).min(byHead);
    }

    private static Path temporaryStateDirectory() {
        try {
            return Files.createTempDirectory("reference-state");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a state directory for the reference: " + e.getMessage(), e);
        }
    }

    /** The driver's close cleans its state away; what is left is the directory it was given. */
    private static void deleteEmptied(Path stateDir) {
        try {
            Files.deleteIfExists(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the reference's state directory " + stateDir, e);
        }
    }
}
