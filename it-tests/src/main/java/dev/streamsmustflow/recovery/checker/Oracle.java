package dev.streamsmustflow.recovery.checker;

import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.workload.SentTrades;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the output topic against the sent trades: the last value per window equals the expected
 * aggregate; every emitted update is the aggregate of a prefix of its window's trades (this catches
 * double counting that a later update hides); no window is missing and none is unexpected. Under
 * at-least-once an over-count is measured and tolerated; under exactly-once it is a failure.
 */
public final class Oracle {

    static final int EXAMPLES = 5;

    private Oracle() {
    }

    public static Verdict check(SentTrades sent, List<OutputRecord> output, ProcessingGuarantee guarantee) {
        try {
            if (!sent.indeterminate().isEmpty()) {
                return Verdict.unknown(guarantee, sent.indeterminate().size()
                        + " trade(s) have an unknown send outcome, so the expected output is not known");
            }
            return check(ExpectedWindows.of(sent.acknowledged()), output, guarantee);
        } catch (RuntimeException e) {
            return Verdict.unknown(guarantee, "the oracle failed: " + e);
        }
    }

    static Verdict check(ExpectedWindows expected, List<OutputRecord> output, ProcessingGuarantee guarantee) {
        boolean exactlyOnce = guarantee.exactlyOnce();
        Map<String, WindowAggregate> last = new HashMap<>();
        Map<String, List<OutputRecord>> notPrefix = new HashMap<>();
        for (OutputRecord record : output) {
            last.put(record.window(), record.aggregate());
            if (!expected.isPrefixAggregate(record.window(), record.aggregate())) {
                notPrefix.computeIfAbsent(record.window(), key -> new ArrayList<>()).add(record);
            }
        }
        List<String> examples = new ArrayList<>();
        long lost = 0;
        long duplicated = 0;
        long overCountedTrades = 0;
        long wrong = 0;
        Set<String> duplicatedWindows = new HashSet<>();
        for (String window : expected.windows()) {
            WindowAggregate want = expected.finalValue(window);
            WindowAggregate got = last.get(window);
            if (got == null || got.count() < want.count()) {
                lost++;
                example(examples, "lost " + window + ": expected " + want + ", last seen " + got);
            } else if (got.count() > want.count()) {
                duplicated++;
                overCountedTrades += got.count() - want.count();
                duplicatedWindows.add(window);
                example(examples, "over-counted " + window + ": expected " + want + ", last seen " + got);
            } else if (!got.equals(want)) {
                wrong++;
                example(examples, "wrong " + window + ": expected " + want + ", last seen " + got);
            }
        }
        long unexpected = last.keySet().stream().filter(window -> expected.finalValue(window) == null).count();
        last.keySet().stream().filter(window -> expected.finalValue(window) == null).limit(EXAMPLES)
                .forEach(window -> example(examples, "unexpected " + window + ": " + last.get(window)));
        for (Map.Entry<String, List<OutputRecord>> entry : notPrefix.entrySet()) {
            if (expected.finalValue(entry.getKey()) != null && !duplicatedWindows.contains(entry.getKey())) {
                wrong += entry.getValue().size();
                OutputRecord first = entry.getValue().get(0);
                example(examples, "update of " + entry.getKey() + " at partition " + first.partition() + " offset "
                        + first.offset() + " is no prefix aggregate: " + first.aggregate());
            }
        }
        boolean failed = lost > 0 || unexpected > 0 || wrong > 0 || (exactlyOnce && duplicated > 0);
        Validity validity = failed ? Validity.INVALID : Validity.VALID;
        Discrepancies found = new Discrepancies(lost, unexpected, duplicated, overCountedTrades, wrong);
        return new Verdict(validity, guarantee, summary(validity, expected.size(), found, guarantee),
                new Verdict.Coverage(expected.size(), last.size(), output.size()), found, List.copyOf(examples), null);
    }

    private static String summary(Validity validity, int windows, Discrepancies found, ProcessingGuarantee guarantee) {
        String counts = windows + " windows expected; lost " + found.lost() + ", unexpected " + found.unexpected()
                + ", over-counted " + found.duplicated() + " (" + found.overCountedTrades() + " excess trade counts), wrong "
                + found.wrong();
        if (validity == Validity.VALID && found.duplicated() > 0) {
            return "VALID under " + guarantee + " with a measured over-count: " + counts;
        }
        return validity + ": " + counts;
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < EXAMPLES) {
            examples.add(text);
        }
    }
}
