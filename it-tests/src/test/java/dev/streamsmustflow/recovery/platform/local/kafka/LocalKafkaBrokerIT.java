package dev.streamsmustflow.recovery.platform.local.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.checker.TopicReader;
import dev.streamsmustflow.recovery.scenario.RunDirectory;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class LocalKafkaBrokerIT {

    private static final String TOPIC = "round-trip";
    private static final int PARTITIONS = 3;
    private static final Duration BROKER_GONE = Duration.ofSeconds(10);

    @Test
    void committedRecordsComeBackExactlyOnceAndCloseLeavesNothingBehind() throws Exception {
        LocalKafkaBroker broker = LocalKafkaBroker.start(RunDirectory.create("local-kafka-broker"));
        long pid = broker.pid();
        List<Integer> ports = broker.ports();
        try (broker) {
            System.out.printf("broker ready %d ms after launch (including storage format)%n",
                    broker.startupTime().toMillis());
            assertStreamsProtocolEnabled(broker);
            broker.createTopic(TOPIC, PARTITIONS);

            List<String> idempotent = values("idempotent", 30);
            List<String> committed = values("committed", 30);
            List<String> aborted = values("aborted", 10);
            produceIdempotently(broker, idempotent);
            produceInTransactions(broker, committed, aborted);

            List<String> expected = new ArrayList<>(idempotent);
            expected.addAll(committed);
            assertEquals(sorted(expected), sorted(readCommitted(broker)),
                    "read_committed must return the idempotent and committed records, once each, and no "
                            + "aborted one; broker log " + broker.logFile());
        }

        await("broker pid " + pid + " gone after close()")
                .atMost(BROKER_GONE)
                .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        await("ports " + ports + " free after close()")
                .atMost(BROKER_GONE)
                .until(() -> ports.stream().allMatch(LocalKafkaBrokerIT::nothingListensOn));
        broker.close(); // a second close does nothing

    }

    /** True when the port can be bound again on loopback (connections in TIME_WAIT do not count). */
    private static boolean nothingListensOn(int port) {
        try {
            new ServerSocket(port, 1, LoopbackPorts.LOOPBACK).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void assertStreamsProtocolEnabled(LocalKafkaBroker broker) throws Exception {
        FeatureMetadata features = broker.admin().describeFeatures().featureMetadata().get();
        var streams = features.finalizedFeatures().get("streams.version");
        assertTrue(streams != null && streams.maxVersionLevel() >= 1,
                "group.protocol=streams needs the streams.version feature, finalized: "
                        + features.finalizedFeatures());
    }

    private static void produceIdempotently(LocalKafkaBroker broker, List<String> values)
            throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(broker))) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(TOPIC, value, value)).get();
            }
        }
    }

    private static void produceInTransactions(
            LocalKafkaBroker broker, List<String> committed, List<String> aborted) {
        Map<String, Object> config = producerConfig(broker);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "local-kafka-broker-it");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            committed.forEach(value -> producer.send(new ProducerRecord<>(TOPIC, value, value)));
            producer.commitTransaction();
            producer.beginTransaction();
            aborted.forEach(value -> producer.send(new ProducerRecord<>(TOPIC, value, value)));
            producer.flush();
            producer.abortTransaction();
        }
    }

    private static Map<String, Object> producerConfig(LocalKafkaBroker broker) {
        return new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** Everything visible to read_committed, up to the last stable offset of every partition. */
    private static List<String> readCommitted(LocalKafkaBroker broker) {
        return TopicReader.readToEnd(broker.bootstrapServers(), TOPIC, IsolationLevel.READ_COMMITTED, Duration.ofSeconds(30))
                .stream().map(ConsumerRecord::value).toList();
    }

    private static List<String> values(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }

    private static List<String> sorted(Collection<String> values) {
        return values.stream().sorted().collect(Collectors.toList());
    }
}
