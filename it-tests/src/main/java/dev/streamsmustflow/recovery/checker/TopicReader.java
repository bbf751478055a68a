package dev.streamsmustflow.recovery.checker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic from the beginning up to the end offsets it has when the read starts, as a
 * downstream consumer of the given isolation level sees it: under {@code read_committed} up to the
 * last stable offset, without aborted records.
 */
public final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private TopicReader() {
    }

    public static List<ConsumerRecord<String, String>> readToEnd(String bootstrapServers, String topic,
            IsolationLevel isolation, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        readToEnd(bootstrapServers, topic, isolation, "reader-", new StringDeserializer(), new StringDeserializer(),
                timeout, records::add);
        return records;
    }

    /**
     * The same, for records of any type, each handed to {@code each} in its partition's offset order.
     *
     * @param clientIdPrefix names the reader in the broker's logs, before the topic's name
     */
    public static <K, V> void readToEnd(String bootstrapServers, String topic, IsolationLevel isolation,
            String clientIdPrefix, Deserializer<K> keys, Deserializer<V> values, Duration timeout,
            Consumer<ConsumerRecord<K, V>> each) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString().toLowerCase(Locale.ROOT),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                ConsumerConfig.CLIENT_ID_CONFIG, clientIdPrefix + topic);
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            readPartitions(consumer, partitions, topic, timeout, each);
        }
    }

    /**
     * Assigns {@code partitions} to {@code consumer} and reads them from the beginning to the end offsets they
     * have when the read starts, handing each record to {@code each}.
     *
     * @param what what is read, for the error when the end is not reached within {@code timeout}
     */
    public static <K, V> void readPartitions(KafkaConsumer<K, V> consumer, List<TopicPartition> partitions, String what,
            Duration timeout, Consumer<ConsumerRecord<K, V>> each) {
        readRanges(consumer, consumer.beginningOffsets(partitions, timeout), consumer.endOffsets(partitions, timeout),
                what, timeout, each);
    }

    /**
     * Assigns the partitions of {@code starts} to {@code consumer} and reads each from its start to its end offset
     * (exclusive), handing each record to {@code each}.
     *
     * @param what what is read, for the error when the ends are not reached within {@code timeout}
     */
    public static <K, V> void readRanges(KafkaConsumer<K, V> consumer, Map<TopicPartition, Long> starts,
            Map<TopicPartition, Long> ends, String what, Duration timeout, Consumer<ConsumerRecord<K, V>> each) {
        List<TopicPartition> partitions = List.copyOf(starts.keySet());
        consumer.assign(partitions);
        starts.forEach(consumer::seek);
        long read = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition, timeout) < ends.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + what + " to its end " + ends + " within " + timeout
                        + "; read " + read + " records");
            }
            ConsumerRecords<K, V> records = consumer.poll(POLL);
            for (TopicPartition partition : records.partitions()) {
                long end = ends.get(partition);
                for (ConsumerRecord<K, V> record : records.records(partition)) {
                    if (record.offset() < end) {
                        read++;
                        each.accept(record);
                    }
                }
            }
        }
    }
}
