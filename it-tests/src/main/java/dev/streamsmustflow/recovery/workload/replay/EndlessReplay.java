package dev.streamsmustflow.recovery.workload.replay;

import java.util.List;

/**
 * An input file's records without end, for a run that needs more input than the file holds: the records in order,
 * then again from the first, each pass's timestamps later by the file's span, so that event time goes on as it
 * did and a windowed app sees no record of a later pass as late. The timestamps are moved as a whole so that the
 * earliest is the run's start, their spacing kept: a file written last year would otherwise be deleted by the
 * broker's retention from the changelogs of a windowed app, and one written for tomorrow refused.
 */
public final class EndlessReplay implements RecordSource {

    private final List<ReplayRecord> records;
    private final long spanMs;
    private final long shiftMs;
    private long next;

    /**
     * @param startMs the timestamp the file's earliest record is sent with
     * @throws IllegalArgumentException for a file without records
     */
    public EndlessReplay(List<ReplayRecord> records, long startMs) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("an input file needs at least one record");
        }
        this.records = List.copyOf(records);
        long first = records.stream().mapToLong(ReplayRecord::timestamp).min().orElseThrow();
        long last = records.stream().mapToLong(ReplayRecord::timestamp).max().orElseThrow();
        this.spanMs = last - first + 1;
        this.shiftMs = startMs - first;
    }

    @Override
    public synchronized ReplayRecord next() {
        int index = (int) (next % records.size());
        long pass = next / records.size();
        next++;
        ReplayRecord record = records.get(index);
        return new ReplayRecord(record.key(), record.value(), record.timestamp() + shiftMs + pass * spanMs,
                record.partition(), record.line());
    }

}
