package dev.streamsmustflow.recovery;

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

    public WorkloadSpec {
        if (tradesBefore < 0 || tradesDuring < 0 || tradesAfter < 0) {
            throw new IllegalArgumentException("trade counts must not be negative");
        }
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException("ratePerSecond must be at least 1, was " + ratePerSecond);
        }
    }

    /** A small default: enough state to see a restore, small enough for a scenario in seconds. */
    public static WorkloadSpec small(long seed) {
        return new WorkloadSpec(seed, 200, 1_700_000_000_000L, 5, 20_000, 1_000, 1_000, 500);
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

    public int totalTrades() {
        return tradesBefore + tradesDuring + tradesAfter;
    }
}
