package dev.streamsmustflow.recovery.history;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The longest time any symbol went without an output update across the fault: from its last update
 * appended before the fault to its first one after (broker append times, so the output topic uses
 * {@code LogAppendTime}).
 *
 * @param symbol the symbol that waited longest, or null when no symbol had updates on both sides
 */
public record OutputGap(Long millis, String symbol) {

    /** One output update: whose it was and when the broker appended it. */
    public record Update(String symbol, long appendTime) {
    }

    public static OutputGap across(long faultTime, List<Update> output) {
        Map<String, Long> lastBefore = new HashMap<>();
        Map<String, Long> firstAfter = new HashMap<>();
        for (Update update : output) {
            if (update.appendTime() < faultTime) {
                lastBefore.merge(update.symbol(), update.appendTime(), Math::max);
            } else {
                firstAfter.merge(update.symbol(), update.appendTime(), Math::min);
            }
        }
        Long longest = null;
        String symbol = null;
        for (Map.Entry<String, Long> before : lastBefore.entrySet()) {
            Long after = firstAfter.get(before.getKey());
            if (after != null && (longest == null || after - before.getValue() > longest)) {
                longest = after - before.getValue();
                symbol = before.getKey();
            }
        }
        return new OutputGap(longest, symbol);
    }
}
