package dev.streamsmustflow.agent;

import dev.streamsmustflow.telemetry.instance.RestoreTelemetry;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StandbyUpdateListener;
import org.apache.kafka.streams.processor.TaskId;

/** The agent's standby telemetry (warm-ups and standbys loading), then the application's own listener, if any. */
final class ReportingStandbyListener implements StandbyUpdateListener {

    private final RestoreTelemetry telemetry;
    private final StandbyUpdateListener application;

    ReportingStandbyListener(RestoreTelemetry telemetry, StandbyUpdateListener application) {
        this.telemetry = telemetry;
        this.application = application;
    }

    @Override
    public void onUpdateStart(TopicPartition partition, String store, long startOffset) {
        ReportingRestoreListener.report(() -> telemetry.onUpdateStart(partition, store, startOffset));
        if (application != null) {
            application.onUpdateStart(partition, store, startOffset);
        }
    }

    @Override
    public void onBatchLoaded(TopicPartition partition, String store, TaskId task, long batchEndOffset, long batchSize,
            long currentEndOffset) {
        ReportingRestoreListener.report(() -> telemetry.onBatchLoaded(partition, store, task, batchEndOffset, batchSize,
                currentEndOffset));
        if (application != null) {
            application.onBatchLoaded(partition, store, task, batchEndOffset, batchSize, currentEndOffset);
        }
    }

    @Override
    public void onUpdateSuspended(TopicPartition partition, String store, long storeOffset, long currentEndOffset,
            SuspendReason reason) {
        ReportingRestoreListener.report(() -> telemetry.onUpdateSuspended(partition, store, storeOffset, currentEndOffset,
                reason));
        if (application != null) {
            application.onUpdateSuspended(partition, store, storeOffset, currentEndOffset, reason);
        }
    }
}
