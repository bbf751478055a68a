package dev.streamsmustflow.telemetry.instance;

import dev.streamsmustflow.telemetry.TelemetryEvent;
import dev.streamsmustflow.telemetry.TelemetryField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What this instance is doing right now: Kafka Streams state, assigned tasks, restores and readiness, with
 * whatever the writer adds to its status (the app its processing counters). Every change is also a telemetry
 * event; a change of readiness is one too.
 */
public final class InstanceStatus {

    private final TelemetryLog log;
    private final Supplier<Map<String, Object>> moreStatus;
    private final RestoreTelemetry restores;
    private final long startedAt;
    private KafkaStreams.State state = KafkaStreams.State.CREATED;
    private SortedSet<String> activeTasks = new TreeSet<>();
    private SortedSet<String> standbyTasks = new TreeSet<>();
    private Readiness readiness;

    /** @param moreStatus the writer's own fields of the {@code /status} document, after the instance's */
    public InstanceStatus(TelemetryLog log, RestoreTelemetry restores, Supplier<Map<String, Object>> moreStatus) {
        this.log = log;
        this.moreStatus = moreStatus;
        this.restores = restores;
        this.startedAt = log.now();
        this.readiness = Readiness.of(state, activeTasks, standbyTasks, 0);
        restores.onRestoringChanged(this::reevaluate);
    }

    public void stateChanged(KafkaStreams.State newState, KafkaStreams.State oldState) {
        synchronized (this) {
            state = newState;
            log.emit(TelemetryEvent.STATE_CHANGE, Map.of(TelemetryField.FROM, oldState.name(), TelemetryField.TO, newState.name()));
        }
        reevaluate();
    }

    public void tasksChanged(Set<String> active, Set<String> standby) {
        synchronized (this) {
            if (active.equals(activeTasks) && standby.equals(standbyTasks)) {
                return;
            }
            activeTasks = new TreeSet<>(active);
            standbyTasks = new TreeSet<>(standby);
            log.emit(TelemetryEvent.TASKS_ASSIGNED, Map.of(TelemetryField.ACTIVE, activeTasks, TelemetryField.STANDBY, standbyTasks));
        }
        reevaluate();
    }

    public synchronized Readiness readiness() {
        return readiness;
    }

    public synchronized KafkaStreams.State state() {
        return state;
    }

    /** The live probe fails only when Kafka Streams has died; the process then exits anyway. */
    public synchronized boolean live() {
        return state != KafkaStreams.State.ERROR && state != KafkaStreams.State.PENDING_ERROR;
    }

    /** The {@code /status} document (docs/app.md describes its fields). */
    public Map<String, Object> snapshot() {
        Map<String, Object> status = new LinkedHashMap<>();
        synchronized (this) {
            status.put("instance", log.instance());
            status.put("state", state.name());
            status.put("ready", readiness.ready());
            status.put("readiness", readiness.reason());
            status.put("activeTasks", activeTasks);
            status.put("standbyTasks", standbyTasks);
            status.put("startedAt", startedAt);
        }
        status.put("restoringPartitions", restores.restoringPartitions());
        status.putAll(moreStatus.get());
        status.put("restores", restores.restoreEvents());
        status.put("standbyUpdates", restores.standbyEvents());
        return status;
    }

    private void reevaluate() {
        int restoring = restores.restoringPartitions();
        synchronized (this) {
            Readiness now = Readiness.of(state, activeTasks, standbyTasks, restoring);
            if (now.ready() != readiness.ready()) {
                log.emit(TelemetryEvent.READINESS, Map.of(TelemetryField.READY, now.ready(), TelemetryField.REASON, now.reason()));
            }
            readiness = now;
        }
    }
}
