package dev.streamsmustflow.recovery.history;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.streamsmustflow.telemetry.TelemetryEvent;
import java.util.Arrays;

/**
 * The kinds of history events, each with its source and the name it has on the wire: the app's
 * telemetry events (named by {@link TelemetryEvent}, which the app writes with), the platforms' pod
 * events, and the harness's faults and checkpoints.
 */
public enum EventType {
    STARTED(TelemetryEvent.STARTED),
    STATE_CHANGE(TelemetryEvent.STATE_CHANGE),
    TASKS_ASSIGNED(TelemetryEvent.TASKS_ASSIGNED),
    RESTORE_START(TelemetryEvent.RESTORE_START),
    RESTORE_END(TelemetryEvent.RESTORE_END),
    RESTORE_SUSPENDED(TelemetryEvent.RESTORE_SUSPENDED),
    STANDBY_UPDATE_START(TelemetryEvent.STANDBY_UPDATE_START),
    STANDBY_UPDATE_SUSPENDED(TelemetryEvent.STANDBY_UPDATE_SUSPENDED),
    READINESS(TelemetryEvent.READINESS),
    MEMORY(TelemetryEvent.MEMORY),
    PROCESSING_RESUMED(TelemetryEvent.PROCESSING_RESUMED),
    FATAL_ERROR(TelemetryEvent.FATAL_ERROR),
    SHUTDOWN_REQUESTED(TelemetryEvent.SHUTDOWN_REQUESTED),
    STOPPED(TelemetryEvent.STOPPED),

    POD_CREATED(EventSource.PLATFORM, "pod-created"),
    CONTAINER_STARTED(EventSource.PLATFORM, "container-started"),
    CONTAINER_EXITED(EventSource.PLATFORM, "container-exited"),
    POD_DELETING(EventSource.PLATFORM, "pod-deleting"),
    POD_DELETED(EventSource.PLATFORM, "pod-deleted"),
    CONTAINER_PAUSED(EventSource.PLATFORM, "container-paused"),
    CONTAINER_RESUMED(EventSource.PLATFORM, "container-resumed"),
    BROKER_STOPPED(EventSource.PLATFORM, "broker-stopped"),
    BROKER_STARTED(EventSource.PLATFORM, "broker-started"),

    WORKLOAD_PHASE(EventSource.HARNESS, "workload-phase"),
    /** A fault begins: its targets are named before anything is done to them. */
    FAULT_INJECTED(EventSource.HARNESS, "fault-injected"),
    /** The fault's own action is over (a rolling restart: every pod replaced and ready). */
    FAULT_ENDED(EventSource.HARNESS, "fault-ended"),
    FAULT_FAILED(EventSource.HARNESS, "fault-failed"),
    /** A fault hit a further pod after it began (a replacement killed while it restores): a target too. */
    FAULT_TARGET_ADDED(EventSource.HARNESS, "fault-target-added"),
    CAUGHT_UP_BEFORE_FAULT(EventSource.HARNESS, "caught-up-before-fault"),
    /** The lag of the committed input offsets, sampled while the input flows through a fault. */
    LAG_SAMPLED(EventSource.HARNESS, "lag-sampled"),
    /** The lag the app keeps at the input's rate before the fault: the level that caught up returns to. */
    LAG_LEVEL(EventSource.HARNESS, "lag-level"),
    /**
     * t7 of the recovery: after the fault, committed offsets reached the input's end, or, while the input flows,
     * the lag fell back to its pre-fault level and stayed there for the settle time; stamped when it fell back.
     */
    CAUGHT_UP(EventSource.HARNESS, "caught-up"),
    CAUGHT_UP_AFTER(EventSource.HARNESS, "caught-up-after");

    private final EventSource source;
    private final String wireName;
    private final TelemetryEvent telemetry;

    EventType(TelemetryEvent telemetry) {
        this.source = EventSource.APP;
        this.wireName = telemetry.wireName();
        this.telemetry = telemetry;
    }

    EventType(EventSource source, String wireName) {
        this.source = source;
        this.wireName = wireName;
        this.telemetry = null;
    }

    public EventSource source() {
        return source;
    }

    /** The type of an app telemetry event. */
    public static EventType of(TelemetryEvent event) {
        return Arrays.stream(values()).filter(type -> type.telemetry == event).findFirst()
                .orElseThrow(() -> new IllegalStateException("no event type for the telemetry's " + event));
    }

    @JsonValue
    @Override
    public String toString() {
        return wireName;
    }
}
