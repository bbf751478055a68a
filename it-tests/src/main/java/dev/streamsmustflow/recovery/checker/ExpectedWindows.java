package dev.streamsmustflow.recovery.checker;

import dev.streamsmustflow.recovery.workload.GeneratedTrade;
import dev.streamsmustflow.recovery.workload.SentRecords.Delivered;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The expected content of the output topic, computed from the sent trades without Kafka Streams:
 * for every window (key {@code symbol@windowStart}) its trades and the aggregate of each prefix of
 * them, in the order the app reads them (partition by partition, offset by offset). Windows are 5 s
 * long, advance by 1 s and are aligned to the epoch.
 *
 * <p>Late trades follow the app's rule per window: a trade counts in a window only if the window's end
 * is after the stream time minus the grace period, stream time being the highest event time of its
 * partition's trades so far. Kafka Streams keeps that stream time in the processor of the task, so it
 * starts over where a new task instance resumed processing (the app reports these offsets).
 */
public final class ExpectedWindows {

    static final long SIZE_MS = 5_000;
    static final long ADVANCE_MS = 1_000;

    private final Map<String, List<WindowAggregate>> prefixes = new HashMap<>();
    private final Map<String, List<GeneratedTrade>> trades = new HashMap<>();
    private final long graceMs;
    private long lateDrops;

    private ExpectedWindows(long graceMs) {
        this.graceMs = graceMs;
    }

    /** Trades in order of sequence, none late: every window of every trade counts it. */
    public static ExpectedWindows of(List<GeneratedTrade> inOrder) {
        ExpectedWindows expected = new ExpectedWindows(Long.MAX_VALUE / 4);
        inOrder.stream().sorted(Comparator.comparingLong(GeneratedTrade::sequence))
                .forEach(trade -> expected.add(trade, Long.MIN_VALUE));
        return expected;
    }

    /**
     * @param delivered the acknowledged trades with their partitions and offsets
     * @param resumes per input partition, the offsets where a task instance resumed processing
     */
    public static ExpectedWindows of(List<Delivered> delivered, Map<Integer, NavigableSet<Long>> resumes, long graceMs) {
        ExpectedWindows expected = new ExpectedWindows(graceMs);
        Map<Integer, List<Delivered>> byPartition = new HashMap<>();
        delivered.stream().filter(one -> one.record() instanceof GeneratedTrade)
                .forEach(one -> byPartition.computeIfAbsent(one.partition(), key -> new ArrayList<>()).add(one));
        byPartition.forEach((partition, records) -> {
            records.sort(Comparator.comparingLong(Delivered::offset));
            NavigableSet<Long> starts = resumes.getOrDefault(partition, new TreeSet<>());
            long streamTime = Long.MIN_VALUE;
            Long startedAt = null;
            for (Delivered record : records) {
                Long resumedAt = starts.floor(record.offset());
                if (resumedAt != null && !resumedAt.equals(startedAt)) {
                    streamTime = Long.MIN_VALUE; // a new task instance: its stream time starts over
                    startedAt = resumedAt;
                }
                GeneratedTrade trade = (GeneratedTrade) record.record();
                streamTime = Math.max(streamTime, trade.eventTime());
                expected.add(trade, streamTime);
            }
        });
        return expected;
    }

    private void add(GeneratedTrade trade, long streamTime) {
        long closeTime = streamTime == Long.MIN_VALUE ? Long.MIN_VALUE : streamTime - graceMs;
        long newestStart = trade.eventTime() - Math.floorMod(trade.eventTime(), ADVANCE_MS);
        for (long start = newestStart; start > trade.eventTime() - SIZE_MS && start >= 0; start -= ADVANCE_MS) {
            if (start + SIZE_MS <= closeTime) {
                lateDrops++;
                continue;
            }
            String window = trade.symbol() + "@" + start;
            List<WindowAggregate> ofWindow = prefixes.computeIfAbsent(window, key -> new ArrayList<>());
            WindowAggregate previous = ofWindow.isEmpty() ? WindowAggregate.EMPTY : ofWindow.get(ofWindow.size() - 1);
            ofWindow.add(previous.plus(trade));
            trades.computeIfAbsent(window, key -> new ArrayList<>()).add(trade);
        }
    }

    public Set<String> windows() {
        return prefixes.keySet();
    }

    public WindowAggregate finalValue(String window) {
        List<WindowAggregate> aggregates = prefixes.get(window);
        return aggregates == null ? null : aggregates.get(aggregates.size() - 1);
    }

    /** Which prefix of its window's trades {@code aggregate} is the aggregate of (1 for the first trade), or -1. */
    public int prefixIndex(String window, WindowAggregate aggregate) {
        int index = prefixes.getOrDefault(window, List.of()).indexOf(aggregate);
        return index < 0 ? -1 : index + 1;
    }

    /** The trades that fall into the window, in the order the app reads them. */
    public List<GeneratedTrade> trades(String window) {
        return trades.getOrDefault(window, List.of());
    }

    /** How many times a trade was too late for one of its windows: the app must drop it there. */
    public long lateDrops() {
        return lateDrops;
    }

    /** The end of a window (exclusive): its start, the number after {@code @}, plus the window size. */
    static long endOf(String window) {
        return Long.parseLong(window.substring(window.indexOf('@') + 1)) + SIZE_MS;
    }

    public int size() {
        return prefixes.size();
    }
}
