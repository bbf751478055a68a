package dev.streamsmustflow.recovery.platform;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Broker settings that the harness's brokers (local, and in a container for docker and k3s) share so that
 * a {@code group.protocol=streams} app can run with the platform's session timeout. Under KIP-1071 the
 * session timeout, heartbeat interval and standby replicas are group settings on the broker, not client
 * settings, and the broker refuses a session timeout under {@code group.streams.min.session.timeout.ms}
 * and a heartbeat interval under {@code group.streams.min.heartbeat.interval.ms} (45 s and 5 s by
 * default). The scenarios set the group's own values (see
 * {@code dev.streamsmustflow.recovery.scenario.StreamsGroupSettings}); these limits only let them.
 */
public final class StreamsGroupLimits {

    /** Broker property to value. */
    public static final Map<String, String> BROKER_PROPERTIES = Map.of(
            "group.streams.min.session.timeout.ms", "1000",
            "group.streams.min.heartbeat.interval.ms", "500",
            // a first rebalance would measure the delay (3 s by default), not the recovery
            "group.streams.initial.rebalance.delay.ms", "0");

    private StreamsGroupLimits() {
    }

    /** The same as environment variables of the {@code apache/kafka} image: {@code KAFKA_} and the name in capitals, dots as underscores. */
    public static Map<String, String> asImageEnv() {
        Map<String, String> env = new TreeMap<>();
        BROKER_PROPERTIES.forEach((property, value) -> env.put(
                "KAFKA_" + property.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        return env;
    }
}
