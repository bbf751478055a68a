package dev.streamsmustflow.agent;

import dev.streamsmustflow.telemetry.instance.RestoreTelemetry;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/** The agent's restore telemetry, then the application's own restore listener, if it set one. */
final class ReportingRestoreListener implements StateRestoreListener {

    private final RestoreTelemetry telemetry;
    private final StateRestoreListener application;

    ReportingRestoreListener(RestoreTelemetry telemetry, StateRestoreListener application) {
        this.telemetry = telemetry;
        this.application = application;
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startOffset, long endOffset) {
        report(() -> telemetry.onRestoreStart(partition, store, startOffset, endOffset));
        if (application != null) {
            application.onRestoreStart(partition, store, startOffset, endOffset);
        }
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long restored) {
        report(() -> telemetry.onBatchRestored(partition, store, batchEndOffset, restored));
        if (application != null) {
            application.onBatchRestored(partition, store, batchEndOffset, restored);
        }
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        report(() -> telemetry.onRestoreEnd(partition, store, totalRestored));
        if (application != null) {
            application.onRestoreEnd(partition, store, totalRestored);
        }
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
        report(() -> telemetry.onRestoreSuspended(partition, store, totalRestored));
        if (application != null) {
            application.onRestoreSuspended(partition, store, totalRestored);
        }
    }

    /** The agent's part never breaks the application's: an error of its own is reported once, and the call goes on. */
    static void report(Runnable telemetry) {
        try {
            telemetry.run();
        } catch (RuntimeException e) {
            AttachedInstances.reportOnce(e);
        }
    }
}
