package dev.streamsmustflow.recovery.benchmark;

/**
 * How many input records a benchmark run had committed, sampled over time, and the steady rate it gives:
 * between the first samples at or past a fifth and at or past four fifths of the input, so that neither
 * the app's start nor the last partitions' tail count.
 */
final class CommittedProgress {

    private final long total;
    private Long fifthNanos;
    private long fifthRecords;
    private Long fourFifthsNanos;
    private long fourFifthsRecords;
    private long lastNanos;

    CommittedProgress(long total) {
        this.total = total;
    }

    /** Takes a sample; returns whether everything is committed. */
    boolean sample(long nanos, long committed) {
        lastNanos = nanos;
        if (fifthNanos == null && committed * 5 >= total) {
            fifthNanos = nanos;
            fifthRecords = committed;
        }
        if (fourFifthsNanos == null && committed * 5 >= total * 4) {
            fourFifthsNanos = nanos;
            fourFifthsRecords = committed;
        }
        return committed >= total;
    }

    long lastSampleNanos() {
        return lastNanos;
    }

    /**
     * Records a second between the two samples.
     *
     * @throws IllegalStateException when one sample saw both marks: the run was too short to tell a rate
     */
    double steadyRecordsPerSecond() {
        if (fifthNanos == null || fourFifthsNanos == null || fourFifthsNanos.equals(fifthNanos)) {
            throw new IllegalStateException("the input was committed too fast to measure a steady rate between a fifth "
                    + "and four fifths of it; benchmark more trades");
        }
        return (fourFifthsRecords - fifthRecords) * 1e9 / (fourFifthsNanos - fifthNanos);
    }
}
