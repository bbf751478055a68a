package dev.streamsmustflow.recovery.workload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every record a workload sent, with the outcome of the send: where the broker appended it, or that
 * the outcome is unknown. A record whose send failed is indeterminate — it may or may not have been
 * written — and is kept, never dropped, so that the oracle can say UNKNOWN instead of guessing.
 */
public final class SentRecords {

    /** A record the broker acknowledged, and where it is: the app processes each partition in offset order. */
    public record Delivered(WorkloadRecord record, int partition, long offset) {
    }

    private final List<Delivered> acknowledged = new ArrayList<>();
    private final List<WorkloadRecord> indeterminate = new ArrayList<>();

    public synchronized void acknowledged(WorkloadRecord record, int partition, long offset) {
        acknowledged.add(new Delivered(record, partition, offset));
    }

    public synchronized void indeterminate(WorkloadRecord record) {
        indeterminate.add(record);
    }

    /** What was acknowledged, by partition and offset: the order the app reads it in. */
    public synchronized List<Delivered> acknowledged() {
        List<Delivered> ordered = new ArrayList<>(acknowledged);
        ordered.sort(Comparator.comparingInt(Delivered::partition).thenComparingLong(Delivered::offset));
        return ordered;
    }

    /** The acknowledged trades, by partition and offset. */
    public List<Delivered> trades() {
        return acknowledged().stream().filter(delivered -> delivered.record() instanceof GeneratedTrade).toList();
    }

    /** The acknowledged malformed records, by partition and offset: each must be dead-lettered. */
    public List<Delivered> malformed() {
        return acknowledged().stream().filter(delivered -> delivered.record() instanceof MalformedRecord).toList();
    }

    public synchronized List<WorkloadRecord> indeterminate() {
        return List.copyOf(indeterminate);
    }

    public synchronized int count() {
        return acknowledged.size() + indeterminate.size();
    }
}
