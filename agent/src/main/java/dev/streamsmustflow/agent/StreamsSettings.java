package dev.streamsmustflow.agent;

import dev.streamsmustflow.telemetry.TelemetryField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The application's Kafka Streams settings, read from what it gave the {@code KafkaStreams} constructor
 * ({@code Properties} or a {@code StreamsConfig}), with Kafka Streams' defaults for the ones it left out: what a
 * {@code started} line says. A setting the agent cannot know (the trade-stats app's own, such as leaving the group on
 * close) is null.
 */
record StreamsSettings(StreamsConfig config) {

    static StreamsSettings of(Object[] constructorArguments) {
        for (Object argument : constructorArguments) {
            if (argument instanceof StreamsConfig config) {
                return new StreamsSettings(config);
            }
        }
        for (Object argument : constructorArguments) {
            if (argument instanceof Properties properties) {
                return new StreamsSettings(new StreamsConfig(properties, false) { }); // Kafka Streams logged them already
            }
        }
        return new StreamsSettings(null);
    }

    Map<TelemetryField, Object> startedFields() {
        Map<TelemetryField, Object> fields = new LinkedHashMap<>();
        fields.put(TelemetryField.VERSION, null);
        fields.put(TelemetryField.TOPOLOGY, null);
        fields.put(TelemetryField.APPLICATION_ID, config == null ? null : config.getString(StreamsConfig.APPLICATION_ID_CONFIG));
        fields.put(TelemetryField.BOOTSTRAP_SERVERS, config == null ? null
                : String.join(",", config.getList(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)));
        fields.put(TelemetryField.PROCESSING_GUARANTEE, config == null ? null
                : config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        fields.put(TelemetryField.GROUP_PROTOCOL, config == null ? null : config.getString(StreamsConfig.GROUP_PROTOCOL_CONFIG));
        fields.put(TelemetryField.STATIC_MEMBERSHIP, config == null ? null
                : config.getMainConsumerConfigs("group", "client", 0).get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG) != null);
        fields.put(TelemetryField.LEAVE_GROUP_ON_CLOSE, null);
        fields.put(TelemetryField.STANDBY_REPLICAS, config == null ? null : config.getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG));
        fields.put(TelemetryField.TRANSACTIONAL_STATE_STORES, null);
        fields.put(TelemetryField.STATE_DIR, config == null ? null : config.getString(StreamsConfig.STATE_DIR_CONFIG));
        fields.put(TelemetryField.HTTP_PORT, null);
        fields.put(TelemetryField.PID, ProcessHandle.current().pid());
        return fields;
    }
}
