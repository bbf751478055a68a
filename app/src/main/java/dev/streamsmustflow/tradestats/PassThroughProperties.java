package dev.streamsmustflow.tradestats;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Any other Kafka Streams, consumer, producer, admin or internal-topic property, given as an
 * environment variable with the prefix {@value #PREFIX}. The rest of the name maps to the property
 * as in Confluent's images: {@code _} becomes {@code .}, {@code __} becomes {@code _} and {@code ___}
 * becomes {@code -}; for example {@code KAFKA_STREAMS_SESSION_TIMEOUT_MS} sets
 * {@code session.timeout.ms}. Unknown names are rejected, so that a typo cannot pass unnoticed.
 */
final class PassThroughProperties {

    static final String PREFIX = "KAFKA_STREAMS_";

    private static final List<String> CLIENT_PREFIXES = List.of(StreamsConfig.MAIN_CONSUMER_PREFIX,
            StreamsConfig.RESTORE_CONSUMER_PREFIX, StreamsConfig.GLOBAL_CONSUMER_PREFIX,
            StreamsConfig.CONSUMER_PREFIX, StreamsConfig.PRODUCER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX);

    private PassThroughProperties() {
    }

    /**
     * @param owned property names that have a dedicated variable, mapped to that variable's name
     * @return property name to (variable, value), in property-name order
     */
    static Map<String, Setting> read(Map<String, String> env, Map<String, String> owned) {
        Map<String, Setting> properties = new TreeMap<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(env).entrySet()) {
            String variable = entry.getKey();
            if (!variable.startsWith(PREFIX)) {
                continue;
            }
            String property = propertyName(variable);
            if (property.isEmpty()) {
                throw new InvalidSettingException(variable, "names no property after the prefix " + PREFIX);
            }
            if (owned.containsKey(property)) {
                throw new InvalidSettingException(variable,
                        "sets " + property + ", which is set with " + owned.get(property) + " instead");
            }
            if (!isKnown(property)) {
                throw new InvalidSettingException(variable, "'" + property
                        + "' is not a Kafka Streams, client or topic property (see docs/app.md, Configuration, for the name mapping)");
            }
            properties.put(property, new Setting(variable, entry.getValue()));
        }
        return properties;
    }

    static String propertyName(String variable) {
        return variable.substring(PREFIX.length())
                .replace("___", "\u0000")
                .replace("__", "\u0001")
                .replace('_', '.')
                .replace('\u0000', '-')
                .replace('\u0001', '_')
                .toLowerCase(Locale.ROOT);
    }

    static boolean isKnown(String property) {
        if (clientProperties().contains(property) || StreamsConfig.configDef().names().contains(property)) {
            return true;
        }
        for (String prefix : CLIENT_PREFIXES) {
            if (property.startsWith(prefix) && clientProperties().contains(property.substring(prefix.length()))) {
                return true;
            }
        }
        return property.startsWith(StreamsConfig.TOPIC_PREFIX)
                && topicProperties().contains(property.substring(StreamsConfig.TOPIC_PREFIX.length()));
    }

    /** The property without a client prefix such as {@code producer.}: the name Kafka's errors use. */
    static String unprefixed(String property) {
        for (String prefix : CLIENT_PREFIXES) {
            if (property.startsWith(prefix)) {
                return property.substring(prefix.length());
            }
        }
        return property;
    }

    private static Set<String> clientProperties() {
        Set<String> names = new HashSet<>(ConsumerConfig.configNames());
        names.addAll(ProducerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return names;
    }

    private static Set<String> topicProperties() {
        Set<String> names = new HashSet<>();
        for (Field field : TopicConfig.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_CONFIG")) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }

    /** The variable a property came from, and its value. */
    record Setting(String variable, String value) {
    }
}
