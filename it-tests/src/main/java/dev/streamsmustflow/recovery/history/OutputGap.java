package dev.streamsmustflow.recovery.history;

import dev.streamsmustflow.recovery.checker.OutputRecord;
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

    public static OutputGap across(long faultTime, List<OutputRecord> output) {
        Map<String, Long> lastBefore = new HashMap<>();
        Map<String, Long> firstAfter = new HashMap<>();
        for (OutputRecord record : output) {
            String symbol = record.window().substring(0, record.window().indexOf('@'));
            if (record.appendTime() < faultTime) {
                lastBefore.merge(symbol, record.appendTime(), Math::max);
            } else {
                firstAfter.merge(symbol, record.appendTime(), Math::min);
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
