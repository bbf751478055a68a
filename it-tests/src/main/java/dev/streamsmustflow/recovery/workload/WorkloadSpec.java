package dev.streamsmustflow.recovery.workload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a scenario sends: records from a seeded generator, first as fast as the broker takes them to build the
 * state (each trade updates five windows), then at a steady rate through the fault until the app has caught up
 * after it, with malformed records and late trades mixed in.
 *
 * @param tradesBefore records (trades, and the malformed ones among them) sent to build the state before the fault
 * @param ratePerSecond records per second while the input flows through the fault; in results written before
 *     the input flowed through the whole recovery ({@code load} null), the rate of 1,000 records sent in the
 *     fault's first seconds and 1,000 more once the app had caught up
 * @param load how the input flows through the fault; null in results written before it did
 * @param burstDuring in results written before the input flowed through the recovery ({@code load} null), the
 *     records sent at the start of the fault (1,000); null since
 * @param burstAfter in those results, the records sent once the app had caught up after the fault; null since
 * @param malformedEvery one record in this many is malformed, of every shape in turn; 0 for none
 * @param lateFraction the fraction of trades sent late, half within the app's grace period, half beyond it
 * @param stateRecords the changelog records to build before the fault, as the changelogs' end offsets
 *     count them: the scenario sends {@code tradesBefore} first and then more until they hold this many;
 *     0 to send {@code tradesBefore} and no more
 */
public record WorkloadSpec(
        long seed,
        int symbols,
        long eventTimeStart,
        long eventTimeStepMs,
        int tradesBefore,
        int ratePerSecond,
        int malformedEvery,
        double lateFraction,
        long stateRecords,
        SteadyLoad load,
        @JsonProperty("tradesDuring") @JsonInclude(JsonInclude.Include.NON_NULL) Integer burstDuring,
        @JsonProperty("tradesAfter") @JsonInclude(JsonInclude.Include.NON_NULL) Integer burstAfter) {

    /** One malformed record in a thousand, as the issue of real input asks. */
    public static final int DEFAULT_MALFORMED_EVERY = 1_000;
    /** The suite's input rate through a fault, records a second: a light load for three pods on 2 cores. */
    public static final int DEFAULT_RATE = 1_000;
    /** One trade in a hundred late. */
    public static final double DEFAULT_LATE_FRACTION = 0.01;


    /** How far ahead of the present a state's event time may reach: half the broker's default limit of an hour. */
    static final long FUTURE_MARGIN_MS = 30 * 60 * 1_000L;

    /** The seed of the suite's scenarios and of {@code ./compare}, unless told otherwise. */
    public static final long DEFAULT_SEED = 20261126L;

    /** A workload of today: its input flows through the fault as {@code load} says (null: it is sent before only). */
    public WorkloadSpec(long seed, int symbols, long eventTimeStart, long eventTimeStepMs, int tradesBefore,
            int ratePerSecond, int malformedEvery, double lateFraction, long stateRecords, SteadyLoad load) {
        this(seed, symbols, eventTimeStart, eventTimeStepMs, tradesBefore, ratePerSecond, malformedEvery, lateFraction,
                stateRecords, load, null, null);
    }

    public WorkloadSpec {
        if (tradesBefore < 0) {
            throw new IllegalArgumentException("tradesBefore must not be negative, was " + tradesBefore);
        }
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException("ratePerSecond must be at least 1, was " + ratePerSecond);
        }
        if (malformedEvery < 0) {
            throw new IllegalArgumentException("malformedEvery must not be negative, was " + malformedEvery);
        }
        if (stateRecords < 0) {
            throw new IllegalArgumentException("stateRecords must not be negative, was " + stateRecords);
        }
        if (!(lateFraction >= 0 && lateFraction <= 1)) {
            throw new IllegalArgumentException("lateFraction must be between 0 and 1, was " + lateFraction);
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
        return new WorkloadSpec(seed, 200, eventTimeStart, 5, 10_000, DEFAULT_RATE, DEFAULT_MALFORMED_EVERY,
                DEFAULT_LATE_FRACTION, 0, SteadyLoad.DEFAULT);
    }

    /** The present, rounded down to a whole second, as event-time start. */
    public static long startingNow() {
        long now = System.currentTimeMillis();
        return now - now % 1_000;
    }

    /**
     * Builds a state of {@code changelogRecords} changelog records before the fault. Each trade updates five
     * windows, but Kafka Streams' record cache merges the updates of one window between two commits, so how
     * many trades that takes is measured, not assumed: the scenario sends a fifth of that many trades first
     * (never more than needed) and then, from the records per trade it sees, more until the changelogs hold
     * them.
     *
     * <p>Kafka Streams stamps changelog records with the event time, and a broker refuses records stamped more
     * than {@code log.message.timestamp.after.max.ms} (an hour by default) ahead of its clock. A state whose trades
     * would reach beyond {@link #FUTURE_MARGIN_MS} ahead of the event-time start, at about one changelog record
     * per trade, therefore starts its event time that span earlier, so that it ends near the present; the
     * changelogs keep records a day past the store's retention, far longer than the 14 hours of 10 million.
     */
    public WorkloadSpec withStateOf(long changelogRecords) {
        long trades = Math.max(1, changelogRecords / 5);
        if (trades > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("state of " + changelogRecords + " records is too large");
        }
        long span = changelogRecords * eventTimeStepMs;
        long start = span > FUTURE_MARGIN_MS ? eventTimeStart - span : eventTimeStart;
        return new WorkloadSpec(seed, symbols, start, eventTimeStepMs, (int) trades, ratePerSecond, malformedEvery,
                lateFraction, changelogRecords, load, burstDuring, burstAfter);
    }

    /** The same workload as it was sent: {@code sent} records before the fault. */
    public WorkloadSpec withTradesBefore(int sent) {
        return new WorkloadSpec(seed, symbols, eventTimeStart, eventTimeStepMs, sent, ratePerSecond, malformedEvery,
                lateFraction, stateRecords, load, burstDuring, burstAfter);
    }

    /** The same workload with other input realism: malformed records and late trades. */
    public WorkloadSpec withInput(int newMalformedEvery, double newLateFraction) {
        return new WorkloadSpec(seed, symbols, eventTimeStart, eventTimeStepMs, tradesBefore, ratePerSecond,
                newMalformedEvery, newLateFraction, stateRecords, load, burstDuring, burstAfter);
    }

    /** The same workload with the input flowing through the fault at {@code newRatePerSecond}, under {@code newLoad}. */
    public WorkloadSpec withLoad(int newRatePerSecond, SteadyLoad newLoad) {
        return new WorkloadSpec(seed, symbols, eventTimeStart, eventTimeStepMs, tradesBefore, newRatePerSecond,
                malformedEvery, lateFraction, stateRecords, newLoad, null, null);
    }

    /** Whether the input flowed through the whole recovery; false in results written before it did. */
    public boolean underLoad() {
        return load != null;
    }
}
