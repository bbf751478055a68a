package dev.streamsmustflow.examples.jvmmapcount;

import java.time.Duration;
import java.util.Map;
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

    /** @throws IllegalArgumentException naming a required variable that is not set */
    static Properties settings(Map<String, String> env) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        for (String[] setting : new String[][] {{"KAFKA_BOOTSTRAP_SERVERS", StreamsConfig.BOOTSTRAP_SERVERS_CONFIG},
                {"STATE_DIR", StreamsConfig.STATE_DIR_CONFIG}, {"APPLICATION_ID", StreamsConfig.APPLICATION_ID_CONFIG}}) {
            String value = env.get(setting[0]);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(setting[0] + " is not set");
            }
            properties.put(setting[1], value.strip());
        }
        String sessionTimeout = env.get("SESSION_TIMEOUT_MS");
        if (sessionTimeout != null && !sessionTimeout.isBlank()) {
            properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), sessionTimeout.strip());
        }
        return properties;
    }

    public static void main(String[] args) throws InterruptedException {
        Properties properties;
        try {
            properties = settings(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("jvm-map-count: " + e.getMessage());
            System.exit(2);
            return;
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
