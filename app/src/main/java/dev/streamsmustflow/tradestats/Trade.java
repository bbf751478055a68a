package dev.streamsmustflow.tradestats;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One stock trade as it arrives on the input topic. Prices are integral cents so that every
 * aggregate can be checked exactly; the event time is epoch milliseconds.
 */
public record Trade(
        @JsonProperty("symbol") String symbol,
        @JsonProperty("priceCents") long priceCents,
        @JsonProperty("quantity") long quantity,
        @JsonProperty("eventTime") long eventTime) {

    @JsonCreator
    public Trade {
    }
}
