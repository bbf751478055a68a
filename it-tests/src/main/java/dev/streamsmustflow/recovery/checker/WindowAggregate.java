package dev.streamsmustflow.recovery.checker;

import dev.streamsmustflow.recovery.workload.GeneratedTrade;

/** The aggregate of one window, field for field as the application's output carries it. */
public record WindowAggregate(long count, long sumPriceCents, long minPriceCents, long maxPriceCents, long volume) {

    static final WindowAggregate EMPTY = new WindowAggregate(0, 0, Long.MAX_VALUE, Long.MIN_VALUE, 0);

    WindowAggregate plus(GeneratedTrade trade) {
        return new WindowAggregate(count + 1, sumPriceCents + trade.priceCents(),
                Math.min(minPriceCents, trade.priceCents()), Math.max(maxPriceCents, trade.priceCents()),
                volume + trade.quantity());
    }
}
