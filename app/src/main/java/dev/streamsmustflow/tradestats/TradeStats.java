package dev.streamsmustflow.tradestats;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The aggregate of the trades of one symbol in one window. All arithmetic is integral, so an
 * independent model can check every field exactly.
 */
public record TradeStats(
        @JsonProperty("count") long count,
        @JsonProperty("sumPriceCents") long sumPriceCents,
        @JsonProperty("minPriceCents") long minPriceCents,
        @JsonProperty("maxPriceCents") long maxPriceCents,
        @JsonProperty("volume") long volume) {

    public static final TradeStats EMPTY = new TradeStats(0, 0, Long.MAX_VALUE, Long.MIN_VALUE, 0);

    @JsonCreator
    public TradeStats {
    }

    public TradeStats add(Trade trade) {
        return new TradeStats(
                count + 1,
                Math.addExact(sumPriceCents, trade.priceCents()),
                Math.min(minPriceCents, trade.priceCents()),
                Math.max(maxPriceCents, trade.priceCents()),
                Math.addExact(volume, trade.quantity()));
    }

    /** The unweighted mean of the trade prices, in cents; zero for an empty window. */
    @JsonIgnore
    public double averagePriceCents() {
        return count == 0 ? 0.0 : (double) sumPriceCents / count;
    }
}
