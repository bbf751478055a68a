package dev.streamsmustflow.examples.wordcount;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The word count's settings, from its environment, as a container runs it:
 *
 * <ul>
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS} (required), {@code STATE_DIR} (required);
 *   <li>{@code APPLICATION_ID} ({@code word-count}), {@code INPUT_TOPIC} ({@code sentences}),
 *       {@code OUTPUT_TOPIC} ({@code word-counts});
 *   <li>{@code PROCESSING_GUARANTEE} ({@code exactly_once_v2}); {@code GROUP_INSTANCE_ID} (none: dynamic
 *       membership), {@code SESSION_TIMEOUT_MS} (Kafka's default).
 * </ul>
 *
 * A required variable that is missing or blank is an {@link IllegalArgumentException} that names it.
 */
record WordCountSettings(Properties streams, String inputTopic, String outputTopic) {

    static WordCountSettings from(Map<String, String> env) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, required(env, "KAFKA_BOOTSTRAP_SERVERS"));
        properties.put(StreamsConfig.STATE_DIR_CONFIG, required(env, "STATE_DIR"));
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, env.getOrDefault("APPLICATION_ID", "word-count"));
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                env.getOrDefault("PROCESSING_GUARANTEE", StreamsConfig.EXACTLY_ONCE_V2));
        String instanceId = env.get("GROUP_INSTANCE_ID");
        if (instanceId != null && !instanceId.isBlank()) {
            properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
        }
        String sessionTimeout = env.get("SESSION_TIMEOUT_MS");
        if (sessionTimeout != null && !sessionTimeout.isBlank()) {
            properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), sessionTimeout.strip());
        }
        return new WordCountSettings(properties, env.getOrDefault("INPUT_TOPIC", WordCountTopology.DEFAULT_INPUT_TOPIC),
                env.getOrDefault("OUTPUT_TOPIC", WordCountTopology.DEFAULT_OUTPUT_TOPIC));
    }

    private static String required(Map<String, String> env, String variable) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(variable + " is not set: the word count needs it");
        }
        return value.strip();
    }
}
