package dev.streamsmustflow.recovery.checker.differential;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The word count as a user runs it: a main that knows nothing of the harness, takes its settings as arguments
 * (bootstrap servers, state directory, application id), and closes Kafka Streams when the JVM is asked to stop.
 * At-least-once with no record cache, so that every count update reaches the changelog.
 */
public final class WordCountApplication {

    /** Short, so that a member that left without a word is gone soon. */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);

    private WordCountApplication() {
    }

    public static void main(String[] args) throws InterruptedException {
        Properties properties = new Properties();
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, args[1]);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, args[2]);
        properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), (int) SESSION_TIMEOUT.toMillis());
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_000);
        KafkaStreams streams = new KafkaStreams(new WordCountTopology().get(), properties);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close(Duration.ofSeconds(10));
            closed.countDown();
        }));
        streams.start();
        closed.await();
    }
}
