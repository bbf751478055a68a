package dev.streamsmustflow.recovery.platform;

import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.History;
import java.util.Map;
import java.util.function.Consumer;

/** A Kafka broker the harness runs itself, and so can stop and start again on the same address and data. */
public interface RestartableBroker {

    /**
     * Stops the broker with SIGTERM (its controlled shutdown, as a rolling upgrade does; SIGKILL after a grace
     * period) and starts it again on the same address and data. Clients reconnect by themselves.
     *
     * @param stopped told once the broker is down, before it starts again, whether it shut down by itself (not by
     *     SIGKILL)
     */
    void restart(Consumer<Boolean> stopped);

    /**
     * Restarts the broker and records both ends in {@code history}: {@link EventType#BROKER_STOPPED} with whether
     * its shutdown was controlled, then {@link EventType#BROKER_STARTED}, each with the address the harness reaches.
     */
    default void restart(History history, String bootstrapServers) {
        restart(controlled -> history.record(EventType.BROKER_STOPPED,
                Map.of("bootstrapServers", bootstrapServers, "controlledShutdown", controlled)));
        history.record(EventType.BROKER_STARTED, Map.of("bootstrapServers", bootstrapServers));
    }
}
