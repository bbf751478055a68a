package dev.streamsmustflow.examples.jvmmapcount;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Runs the wrong count until SIGTERM. Its settings: {@code KAFKA_BOOTSTRAP_SERVERS}, {@code STATE_DIR} and
 * {@code APPLICATION_ID}, all required (a missing one is named, exit 2); {@code SESSION_TIMEOUT_MS}, optional.
 * Exactly-once.
 */
public final class JvmMapCountMain {

    private JvmMapCountMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Properties properties = new Properties();
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        for (String[] setting : new String[][] {{"KAFKA_BOOTSTRAP_SERVERS", StreamsConfig.BOOTSTRAP_SERVERS_CONFIG},
                {"STATE_DIR", StreamsConfig.STATE_DIR_CONFIG}, {"APPLICATION_ID", StreamsConfig.APPLICATION_ID_CONFIG}}) {
            String value = System.getenv(setting[0]);
            if (value == null || value.isBlank()) {
                System.err.println("jvm-map-count: " + setting[0] + " is not set");
                System.exit(2);
            }
            properties.put(setting[1], value.strip());
        }
        String sessionTimeout = System.getenv("SESSION_TIMEOUT_MS");
        if (sessionTimeout != null && !sessionTimeout.isBlank()) {
            properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), sessionTimeout.strip());
        }
        KafkaStreams streams = new KafkaStreams(new JvmMapCountTopology().get(), properties);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close(Duration.ofSeconds(30));
            closed.countDown();
        }, "jvm-map-count-close"));
        streams.start();
        closed.await();
    }
}
