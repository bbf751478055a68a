package dev.streamsmustflow.recovery.history;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of history events, each with its source and the name it has on the wire: the app's
 * telemetry event names (its README documents them), the platforms' pod events, and the harness's
 * faults and checkpoints.
 */
public enum EventType {
    STARTED(EventSource.APP, "started"),
    STATE_CHANGE(EventSource.APP, "state-change"),
    TASKS_ASSIGNED(EventSource.APP, "tasks-assigned"),
    RESTORE_START(EventSource.APP, "restore-start"),
    RESTORE_END(EventSource.APP, "restore-end"),
    RESTORE_SUSPENDED(EventSource.APP, "restore-suspended"),
    STANDBY_UPDATE_START(EventSource.APP, "standby-update-start"),
    STANDBY_UPDATE_SUSPENDED(EventSource.APP, "standby-update-suspended"),
    READINESS(EventSource.APP, "readiness"),
    /** The process's resident memory and its peak (Linux's VmRSS and VmHWM), every few seconds. */
    MEMORY(EventSource.APP, "memory"),
    /** A new task instance began processing: the windowed aggregation's stream time starts over there. */
    PROCESSING_RESUMED(EventSource.APP, "processing-resumed"),
    FATAL_ERROR(EventSource.APP, "fatal-error"),
    SHUTDOWN_REQUESTED(EventSource.APP, "shutdown-requested"),
    STOPPED(EventSource.APP, "stopped"),

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
    /** Committed offsets reached the input's end after the fault: t7 of the recovery. */
    CAUGHT_UP(EventSource.HARNESS, "caught-up"),
    CAUGHT_UP_AFTER(EventSource.HARNESS, "caught-up-after");

    private final EventSource source;
    private final String wireName;

    EventType(EventSource source, String wireName) {
        this.source = source;
        this.wireName = wireName;
    }

    public EventSource source() {
        return source;
    }

    /** The type of an app telemetry event by its name; empty for names the harness does not know. */
    public static Optional<EventType> ofTelemetry(String name) {
        return Arrays.stream(values()).filter(type -> type.source == EventSource.APP && type.wireName.equals(name))
                .findFirst();
    }

    @JsonValue
    @Override
    public String toString() {
        return wireName;
    }
}
