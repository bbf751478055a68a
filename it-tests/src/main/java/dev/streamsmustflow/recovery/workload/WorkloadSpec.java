package dev.streamsmustflow.recovery.workload;

/**
 * What a scenario sends: trades from a seeded generator in three phases — before the fault (this
 * builds the state: each trade updates five windows), during recovery, and after it.
 *
 * @param ratePerSecond trades per second while sending the "during" and "after" phases; the
 *     "before" phase is sent as fast as the broker takes it
 */
public record WorkloadSpec(
        long seed,
        int symbols,
        long eventTimeStart,
        long eventTimeStepMs,
        int tradesBefore,
        int tradesDuring,
        int tradesAfter,
        int ratePerSecond) {

    /** The seed of the suite's scenarios and of {@code ./compare}, unless told otherwise. */
    public static final long DEFAULT_SEED = 20261126L;

    public WorkloadSpec {
        if (tradesBefore < 0 || tradesDuring < 0 || tradesAfter < 0) {
            throw new IllegalArgumentException("trade counts must not be negative");
        }
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException("ratePerSecond must be at least 1, was " + ratePerSecond);
        }
    }

    /**
     * A small default: enough state to see a restore, small enough for a scenario in seconds. Event
     * time starts at {@code eventTimeStart}; use the present (see {@link #startingNow}): Kafka
     * Streams writes changelog records with the event time, and the broker deletes changelog
     * segments whose timestamps are older than the topic's retention — restoring from such a
     * changelog silently loses state.
     */
    public static WorkloadSpec small(long seed, long eventTimeStart) {
        return new WorkloadSpec(seed, 200, eventTimeStart, 5, 10_000, 1_000, 1_000, 500);
    }

    /** The present, rounded down to a whole second, as event-time start. */
    public static long startingNow() {
        long now = System.currentTimeMillis();
        return now - now % 1_000;
    }

    /**
     * Sends enough trades before the fault for a changelog of about {@code changelogRecords} records:
     * each trade updates five windows and every update is one changelog record (fewer where Kafka
     * Streams' record cache merges updates of one window between two commits).
     */
    public WorkloadSpec withStateOf(long changelogRecords) {
        long trades = Math.max(1, changelogRecords / 5);
        if (trades > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("state of " + changelogRecords + " records is too large");
        }
        return new WorkloadSpec(seed, symbols, eventTimeStart, eventTimeStepMs, (int) trades, tradesDuring, tradesAfter,
                ratePerSecond);
    }
}
