package dev.streamsmustflow.tradestats;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The value written to the output topic: which symbol and window it is for, the aggregate, and the
 * average price. A consumer needs no Kafka Streams serde to read it (docs/app.md, Output format).
 */
public record WindowedTradeStats(
        @JsonProperty("symbol") String symbol,
        @JsonProperty("windowStart") long windowStart,
        @JsonProperty("windowEnd") long windowEnd,
        @JsonProperty("count") long count,
        @JsonProperty("sumPriceCents") long sumPriceCents,
        @JsonProperty("minPriceCents") long minPriceCents,
        @JsonProperty("maxPriceCents") long maxPriceCents,
        @JsonProperty("volume") long volume,
        @JsonProperty("averagePriceCents") double averagePriceCents) {

    @JsonCreator
    public WindowedTradeStats {
    }

    public static WindowedTradeStats of(String symbol, long windowStart, long windowEnd, TradeStats stats) {
        return new WindowedTradeStats(symbol, windowStart, windowEnd, stats.count(), stats.sumPriceCents(),
                stats.minPriceCents(), stats.maxPriceCents(), stats.volume(), stats.averagePriceCents());
    }

    /** The output record key: {@code <symbol>@<windowStart epoch ms>}, for example {@code ACME@1700000000000}. */
    public static String key(String symbol, long windowStart) {
        return symbol + "@" + windowStart;
    }

    public TradeStats stats() {
        return new TradeStats(count, sumPriceCents, minPriceCents, maxPriceCents, volume);
    }
}
