package dev.streamsmustflow.telemetry.instance;

import dev.streamsmustflow.telemetry.TelemetryEvent;
import dev.streamsmustflow.telemetry.TelemetryField;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StandbyUpdateListener;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.processor.TaskId;

/**
 * Records, per store partition, when restoring (active tasks) and standby updating started and ended,
 * from which offset to which, how many records and how long, with wall-clock timestamps. Kafka
 * Streams calls these listeners from its state-updater thread, hence the synchronisation.
 */
public final class RestoreTelemetry implements StateRestoreListener, StandbyUpdateListener {

    private static final int KEPT_EVENTS = 500;

    private final TelemetryLog log;
    private final Map<TopicPartition, Progress> restoring = new HashMap<>();
    private final Map<TopicPartition, Progress> standbys = new HashMap<>();
    private final Deque<Map<String, Object>> restoreEvents = new ArrayDeque<>();
    private final Deque<Map<String, Object>> standbyEvents = new ArrayDeque<>();
    private volatile Runnable onRestoringChanged = () -> { };

    public RestoreTelemetry(TelemetryLog log) {
        this.log = log;
    }

    /** Called whenever a restore starts or ends: readiness depends on it. */
    public void onRestoringChanged(Runnable listener) {
        this.onRestoringChanged = listener;
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startOffset, long endOffset) {
        synchronized (this) {
            restoring.put(partition, new Progress(store, startOffset, endOffset, log.now()));
            keep(restoreEvents, log.emit(TelemetryEvent.RESTORE_START, fields(store, partition, startOffset, endOffset)));
        }
        onRestoringChanged.run();
    }

    @Override
    public synchronized void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long restored) {
        Progress progress = restoring.get(partition);
        if (progress != null) {
            progress.records += restored;
        }
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        finishRestore(TelemetryEvent.RESTORE_END, partition, store, totalRestored);
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
        finishRestore(TelemetryEvent.RESTORE_SUSPENDED, partition, store, totalRestored);
    }

    private void finishRestore(TelemetryEvent event, TopicPartition partition, String store, long totalRestored) {
        synchronized (this) {
            Progress progress = restoring.remove(partition);
            Map<TelemetryField, Object> fields = progress == null
                    ? fields(store, partition, null, null)
                    : fields(store, partition, progress.startOffset, progress.endOffset);
            fields.put(TelemetryField.RECORDS_RESTORED, totalRestored);
            fields.put(TelemetryField.DURATION_MS, progress == null ? null : log.now() - progress.startedAt);
            keep(restoreEvents, log.emit(event, fields));
        }
        onRestoringChanged.run();
    }

    @Override
    public synchronized void onUpdateStart(TopicPartition partition, String store, long startOffset) {
        standbys.put(partition, new Progress(store, startOffset, null, log.now()));
        keep(standbyEvents, log.emit(TelemetryEvent.STANDBY_UPDATE_START, fields(store, partition, startOffset, null)));
    }

    @Override
    public synchronized void onBatchLoaded(TopicPartition partition, String store, TaskId task,
            long batchEndOffset, long batchSize, long currentEndOffset) {
        Progress progress = standbys.get(partition);
        if (progress != null) {
            progress.records += batchSize;
        }
    }

    @Override
    public synchronized void onUpdateSuspended(TopicPartition partition, String store, long storeOffset,
            long currentEndOffset, SuspendReason reason) {
        Progress progress = standbys.remove(partition);
        Map<TelemetryField, Object> fields = fields(store, partition, progress == null ? null : progress.startOffset,
                currentEndOffset);
        fields.put(TelemetryField.STORE_OFFSET, storeOffset);
        fields.put(TelemetryField.RECORDS_LOADED, progress == null ? null : progress.records);
        fields.put(TelemetryField.DURATION_MS, progress == null ? null : log.now() - progress.startedAt);
        fields.put(TelemetryField.REASON, reason.name()); // a StandbySuspension: TelemetryVocabularyTest keeps the names equal
        keep(standbyEvents, log.emit(TelemetryEvent.STANDBY_UPDATE_SUSPENDED, fields));
    }

    public synchronized int restoringPartitions() {
        return restoring.size();
    }

    public synchronized List<Map<String, Object>> restoreEvents() {
        return new ArrayList<>(restoreEvents);
    }

    public synchronized List<Map<String, Object>> standbyEvents() {
        return new ArrayList<>(standbyEvents);
    }

    /** A value the app does not know (an end the listener never reported) is null, never a made-up number. */
    private static Map<TelemetryField, Object> fields(String store, TopicPartition partition, Long startOffset,
            Long endOffset) {
        Map<TelemetryField, Object> fields = new LinkedHashMap<>();
        fields.put(TelemetryField.STORE, store);
        fields.put(TelemetryField.TOPIC, partition.topic());
        fields.put(TelemetryField.PARTITION, partition.partition());
        fields.put(TelemetryField.START_OFFSET, startOffset);
        fields.put(TelemetryField.END_OFFSET, endOffset);
        return fields;
    }

    private static void keep(Deque<Map<String, Object>> events, Map<String, Object> event) {
        events.addLast(event);
        if (events.size() > KEPT_EVENTS) {
            events.removeFirst();
        }
    }

    private static final class Progress {
        final String store;
        final long startOffset;
        final Long endOffset;
        final long startedAt;
        long records;

        Progress(String store, long startOffset, Long endOffset, long startedAt) {
            this.store = store;
            this.startOffset = startOffset;
            this.endOffset = endOffset;
            this.startedAt = startedAt;
        }
    }
}
