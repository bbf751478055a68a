package dev.streamsmustflow.tradestats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An independent model of the topology for tests: which 5 s windows (advancing 1 s, aligned to the
 * epoch) contain a trade, and the aggregate of each window, computed with plain loops and no Kafka.
 */
final class TradeWindowModel {

    static final long SIZE_MS = 5_000;
    static final long ADVANCE_MS = 1_000;

    /** Window key (symbol@start) to the successive aggregates of that window, one per trade. */
    private final Map<String, List<Expected>> updates = new TreeMap<>();

    /** Window starts s with s <= t < s + 5000, s a multiple of 1000 and not negative. */
    static List<Long> windowStartsOf(long eventTime) {
        List<Long> starts = new ArrayList<>();
        for (long start = eventTime - eventTime % ADVANCE_MS; start > eventTime - SIZE_MS && start >= 0; start -= ADVANCE_MS) {
            starts.add(0, start);
        }
        return starts;
    }

    void add(String symbol, long priceCents, long quantity, long eventTime) {
        for (long start : windowStartsOf(eventTime)) {
            List<Expected> window = updates.computeIfAbsent(symbol + "@" + start, key -> new ArrayList<>());
            Expected previous = window.isEmpty()
                    ? new Expected(symbol, start, start + SIZE_MS, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE, 0)
                    : window.get(window.size() - 1);
            window.add(new Expected(symbol, start, start + SIZE_MS,
                    previous.count + 1,
                    previous.sumPriceCents + priceCents,
                    Math.min(previous.minPriceCents, priceCents),
                    Math.max(previous.maxPriceCents, priceCents),
                    previous.volume + quantity));
        }
    }

    Map<String, Expected> finalValues() {
        Map<String, Expected> finals = new TreeMap<>();
        updates.forEach((key, window) -> finals.put(key, window.get(window.size() - 1)));
        return finals;
    }

    /** Every aggregate a correct topology may emit for the window: the aggregates of its input's prefixes. */
    List<Expected> prefixesOf(String windowKey) {
        return updates.getOrDefault(windowKey, List.of());
    }

    record Expected(String symbol, long windowStart, long windowEnd, long count, long sumPriceCents,
            long minPriceCents, long maxPriceCents, long volume) {

        static Expected of(WindowedTradeStats actual) {
            return new Expected(actual.symbol(), actual.windowStart(), actual.windowEnd(), actual.count(),
                    actual.sumPriceCents(), actual.minPriceCents(), actual.maxPriceCents(), actual.volume());
        }
    }
}
