package dev.streamsmustflow.agent;

import dev.streamsmustflow.telemetry.TelemetryField;
import java.util.HashMap;
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

    /** The constructor's arguments with its settings copied and the record cache set to 0 in the copy. */
    static Object[] withoutRecordCache(Object[] constructorArguments) {
        Object[] changed = constructorArguments.clone();
        for (int i = 0; i < changed.length; i++) {
            if (changed[i] instanceof Properties properties) {
                Properties copy = new Properties();
                copy.putAll(properties);
                copy.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");
                changed[i] = copy;
            } else if (changed[i] instanceof StreamsConfig config
                    && !"0".equals(String.valueOf(config.originals().get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)))) {
                Map<String, Object> originals = new HashMap<>(config.originals());
                originals.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");
                changed[i] = new StreamsConfig(originals);
            }
        }
        return changed;
    }

    /**
     * The record cache Kafka Streams gives the instance's threads: {@code statestore.cache.max.bytes}, else the
     * deprecated {@code cache.max.bytes.buffering} where only that is set, else the default.
     */
    @SuppressWarnings("deprecation") // the deprecated setting is still read by Kafka Streams where the new one is absent
    private static long recordCacheBytes(StreamsConfig config) {
        boolean onlyDeprecated = !config.originals().containsKey(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)
                && config.originals().containsKey(StreamsConfig.CACHE_MAX_BYTES_BUFFERING_CONFIG);
        return config.getLong(onlyDeprecated ? StreamsConfig.CACHE_MAX_BYTES_BUFFERING_CONFIG
                : StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG);
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
        fields.put(TelemetryField.RECORD_CACHE_BYTES, config == null ? null : recordCacheBytes(config));
        fields.put(TelemetryField.PID, ProcessHandle.current().pid());
        return fields;
    }
}
