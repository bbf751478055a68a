package dev.streamsmustflow.telemetry;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events an instance writes as telemetry, by the name they have on the wire. docs/app.md describes each
 * with its fields ({@link TelemetryField}).
 */
public enum TelemetryEvent {
    /** The instance started: its settings, its version, the HTTP port it bound. */
    STARTED("started"),
    /** Kafka Streams changed state: {@link TelemetryField#FROM} and {@link TelemetryField#TO}, as {@link InstanceState}s. */
    STATE_CHANGE("state-change"),
    /** The tasks the instance now holds: {@link TelemetryField#ACTIVE} and {@link TelemetryField#STANDBY}. */
    TASKS_ASSIGNED("tasks-assigned"),
    RESTORE_START("restore-start"),
    RESTORE_END("restore-end"),
    /** A restore that stopped before its end: the task went to another instance. */
    RESTORE_SUSPENDED("restore-suspended"),
    STANDBY_UPDATE_START("standby-update-start"),
    /** A standby stopped loading, for the {@link StandbySuspension} in {@link TelemetryField#REASON}. */
    STANDBY_UPDATE_SUSPENDED("standby-update-suspended"),
    READINESS("readiness"),
    /** The process's resident memory and its peak (Linux's VmRSS and VmHWM), every few seconds. */
    MEMORY("memory"),
    /** A new task instance began processing: the windowed aggregation's stream time starts over there. */
    PROCESSING_RESUMED("processing-resumed"),
    FATAL_ERROR("fatal-error"),
    SHUTDOWN_REQUESTED("shutdown-requested"),
    STOPPED("stopped");

    private final String wireName;

    TelemetryEvent(String wireName) {
        this.wireName = wireName;
    }

    /** The event's name in a telemetry line's {@link TelemetryField#EVENT} field. */
    public String wireName() {
        return wireName;
    }

    /** The event of a wire name; empty for a name this version does not know. */
    public static Optional<TelemetryEvent> ofWireName(String name) {
        return Arrays.stream(values()).filter(event -> event.wireName.equals(name)).findFirst();
    }
}
