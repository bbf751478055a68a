package dev.streamsmustflow.recovery.workload;

/**
 * One trade of a workload, as sent to the input topic. Prices in cents, event time in epoch ms.
 *
 * @param lateness what the generator meant: on time, or late within or beyond the app's grace period
 *     (what the app does with it depends on the stream time of its partition, which the oracle models)
 */
public record GeneratedTrade(long sequence, String symbol, long priceCents, long quantity, long eventTime,
        Lateness lateness) implements WorkloadRecord {

    /** How late a trade was generated, against the newest event time generated before it. */
    public enum Lateness { ON_TIME, WITHIN_GRACE, BEYOND_GRACE }

    /** An on-time trade. */
    public GeneratedTrade(long sequence, String symbol, long priceCents, long quantity, long eventTime) {
        this(sequence, symbol, priceCents, quantity, eventTime, Lateness.ON_TIME);
    }

    @Override
    public String key() {
        return symbol;
    }

    /** The input value, in the application's documented input format. */
    @Override
    public String value() {
        return "{\"symbol\":\"" + symbol + "\",\"priceCents\":" + priceCents + ",\"quantity\":" + quantity
                + ",\"eventTime\":" + eventTime + "}";
    }
}
