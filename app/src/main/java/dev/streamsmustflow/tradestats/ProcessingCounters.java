package dev.streamsmustflow.tradestats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many input records this instance aggregated and how many it sent to the dead-letter topic, and
 * where each of its tasks resumed processing: the windowed aggregation's stream time starts over with
 * every new task instance (Kafka Streams keeps it in the processor), so a record that would be dropped
 * as late can be counted when it is among the first a task processes after a restart or a move.
 */
public final class ProcessingCounters {

    /** Told where a task began processing: the first input record of a new task instance. */
    @FunctionalInterface
    public interface ResumeListener {
        void resumed(String task, String topic, int partition, long offset);
    }

    private final LongAdder processed = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder resumes = new LongAdder();
    private volatile ResumeListener onResume = (task, topic, partition, offset) -> { };

    void onResume(ResumeListener listener) {
        this.onResume = listener;
    }

    void resumed(String task, String topic, int partition, long offset) {
        resumes.increment();
        onResume.resumed(task, topic, partition, offset);
    }

    /** How many task instances began processing. */
    public long resumes() {
        return resumes.sum();
    }

    void recordProcessed() {
        processed.increment();
    }

    void recordDeadLettered() {
        deadLettered.increment();
    }

    public long processed() {
        return processed.sum();
    }

    public long deadLettered() {
        return deadLettered.sum();
    }

    /** The counters' fields of the {@code /status} document (docs/app.md describes them). */
    public Map<String, Object> statusFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("recordsProcessed", processed());
        fields.put("taskResumes", resumes());
        fields.put("recordsDeadLettered", deadLettered());
        return fields;
    }
}
