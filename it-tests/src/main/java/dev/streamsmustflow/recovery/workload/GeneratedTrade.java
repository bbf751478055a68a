package dev.streamsmustflow.recovery.workload;

/** One trade of a workload, as sent to the input topic. Prices in cents, event time in epoch ms. */
public record GeneratedTrade(long sequence, String symbol, long priceCents, long quantity, long eventTime) {

    /** The input value, in the application's documented input format. */
    public String json() {
        return "{\"symbol\":\"" + symbol + "\",\"priceCents\":" + priceCents + ",\"quantity\":" + quantity
                + ",\"eventTime\":" + eventTime + "}";
    }
}
