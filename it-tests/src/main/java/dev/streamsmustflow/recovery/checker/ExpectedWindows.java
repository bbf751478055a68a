package dev.streamsmustflow.recovery.checker;

import dev.streamsmustflow.recovery.workload.GeneratedTrade;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expected content of the output topic, computed from the sent trades without Kafka Streams:
 * for every window (key {@code symbol@windowStart}) the aggregate of each prefix of its trades in
 * send order. Windows are 5 s long, advance by 1 s and are aligned to the epoch.
 */
public final class ExpectedWindows {

    static final long SIZE_MS = 5_000;
    static final long ADVANCE_MS = 1_000;

    private final Map<String, List<WindowAggregate>> prefixes = new HashMap<>();

    public static ExpectedWindows of(List<GeneratedTrade> trades) {
        ExpectedWindows expected = new ExpectedWindows();
        trades.stream().sorted(Comparator.comparingLong(GeneratedTrade::sequence)).forEach(expected::add);
        return expected;
    }

    private void add(GeneratedTrade trade) {
        long newestStart = trade.eventTime() - Math.floorMod(trade.eventTime(), ADVANCE_MS);
        for (long start = newestStart; start > trade.eventTime() - SIZE_MS && start >= 0; start -= ADVANCE_MS) {
            List<WindowAggregate> window = prefixes.computeIfAbsent(trade.symbol() + "@" + start, key -> new ArrayList<>());
            WindowAggregate previous = window.isEmpty() ? WindowAggregate.EMPTY : window.get(window.size() - 1);
            window.add(previous.plus(trade));
        }
    }

    public Set<String> windows() {
        return prefixes.keySet();
    }

    public WindowAggregate finalValue(String window) {
        List<WindowAggregate> aggregates = prefixes.get(window);
        return aggregates == null ? null : aggregates.get(aggregates.size() - 1);
    }

    public boolean isPrefixAggregate(String window, WindowAggregate aggregate) {
        return prefixes.getOrDefault(window, List.of()).contains(aggregate);
    }

    public int size() {
        return prefixes.size();
    }
}
