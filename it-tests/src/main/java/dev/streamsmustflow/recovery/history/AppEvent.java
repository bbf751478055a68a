package dev.streamsmustflow.recovery.history;

import dev.streamsmustflow.recovery.deployment.GroupProtocol;
import dev.streamsmustflow.telemetry.InstanceState;
import dev.streamsmustflow.telemetry.StandbySuspension;
import dev.streamsmustflow.telemetry.TelemetryField;
import java.util.List;

/**
 * An event of the app's telemetry read through its fields' types: the one place that knows the fields'
 * names ({@link TelemetryField}), so that the timeline, the restores and the scenario read states, tasks and
 * offsets, never string literals. A field the event does not have reads as null (or an empty list).
 */
public record AppEvent(HistoryEvent event) {

    public AppEvent {
        if (event.source() != EventSource.APP) {
            throw new IllegalArgumentException("not an event of the app's telemetry: " + event);
        }
    }

    /** {@link EventType#STATE_CHANGE}: the state entered; null for a name this version does not know. */
    public InstanceState enteredState() {
        return InstanceState.ofName(text(TelemetryField.TO)).orElse(null);
    }

    /** {@link EventType#STATE_CHANGE} into {@link InstanceState#RUNNING}. */
    public boolean enteredRunning() {
        return event.is(EventType.STATE_CHANGE) && enteredState() == InstanceState.RUNNING;
    }

    /** {@link EventType#TASKS_ASSIGNED}: the active tasks' ids. */
    public List<String> activeTasks() {
        return event.listField(TelemetryField.ACTIVE.wireName());
    }

    /** {@link EventType#TASKS_ASSIGNED}: the standby tasks' ids. */
    public List<String> standbyTasks() {
        return event.listField(TelemetryField.STANDBY.wireName());
    }

    /** {@link EventType#TASKS_ASSIGNED}: whether the instance holds any task, active or standby. */
    public boolean holdsTasks() {
        return !(activeTasks().isEmpty() && standbyTasks().isEmpty());
    }

    /** {@link EventType#READINESS}: whether the instance became ready (false when it became unready). */
    public boolean ready() {
        return Boolean.TRUE.equals(event.fields().get(TelemetryField.READY.wireName()));
    }

    /** {@link EventType#STARTED}: the group protocol the instance runs; null where it did not say (older apps). */
    public GroupProtocol groupProtocol() {
        String protocol = text(TelemetryField.GROUP_PROTOCOL);
        return protocol == null ? null : GroupProtocol.of(protocol);
    }

    /** {@link EventType#STARTED}: the app's version. */
    public String version() {
        return text(TelemetryField.VERSION);
    }

    /** {@link EventType#STARTED}: the HTTP port the instance bound; null where it did not say. */
    public Integer httpPort() {
        return integer(TelemetryField.HTTP_PORT);
    }

    /** {@link EventType#FATAL_ERROR}: the error as the app wrote it. */
    public String error() {
        return text(TelemetryField.ERROR);
    }

    /** {@link EventType#MEMORY}: the process's peak resident memory so far. */
    public Long peakResidentBytes() {
        return number(TelemetryField.PEAK_RESIDENT_BYTES);
    }

    /** The store of a restore or standby update. */
    public String store() {
        return text(TelemetryField.STORE);
    }

    /** The changelog topic of a restore or standby update; the input topic of {@link EventType#PROCESSING_RESUMED}. */
    public String topic() {
        return text(TelemetryField.TOPIC);
    }

    /** The partition of a restore, a standby update or a resumed task's input. */
    public Integer partition() {
        return integer(TelemetryField.PARTITION);
    }

    public Long startOffset() {
        return number(TelemetryField.START_OFFSET);
    }

    /** Where a loading ended: a restore's end offset, a standby's store offset when it stopped. */
    public Long loadedUpTo() {
        return number(standby() ? TelemetryField.STORE_OFFSET : TelemetryField.END_OFFSET);
    }

    /** The records a loading wrote into its store: restored, or loaded by a standby. */
    public Long recordsLoaded() {
        return number(standby() ? TelemetryField.RECORDS_LOADED : TelemetryField.RECORDS_RESTORED);
    }

    public Long durationMs() {
        return number(TelemetryField.DURATION_MS);
    }

    /** {@link EventType#STANDBY_UPDATE_SUSPENDED}: why; null for a reason this version does not know. */
    public StandbySuspension suspension() {
        return StandbySuspension.ofName(text(TelemetryField.REASON)).orElse(null);
    }

    /** {@link EventType#PROCESSING_RESUMED}: the offset of the first input record the new task instance processed. */
    public Long offset() {
        return number(TelemetryField.OFFSET);
    }

    /** Whether the event is of a standby's loading rather than an active restore. */
    public boolean standby() {
        return event.is(EventType.STANDBY_UPDATE_START) || event.is(EventType.STANDBY_UPDATE_SUSPENDED);
    }

    private String text(TelemetryField field) {
        return event.textField(field.wireName());
    }

    private Long number(TelemetryField field) {
        return event.longField(field.wireName());
    }

    private Integer integer(TelemetryField field) {
        Long value = number(field);
        return value == null ? null : value.intValue();
    }
}
