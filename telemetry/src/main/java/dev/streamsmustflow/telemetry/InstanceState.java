package dev.streamsmustflow.telemetry;

import java.util.Arrays;
import java.util.Optional;

/**
 * Kafka Streams' states ({@code KafkaStreams.State}), by the names a {@link TelemetryEvent#STATE_CHANGE} writes:
 * the same names, so that a reader needs no Kafka Streams on its class path. The app's tests keep the two equal.
 */
public enum InstanceState {
    CREATED, REBALANCING, RUNNING, PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR;

    /** The state of a name; empty for null or a name this version does not know. */
    public static Optional<InstanceState> ofName(String name) {
        return Arrays.stream(values()).filter(state -> state.name().equals(name)).findFirst();
    }
}
