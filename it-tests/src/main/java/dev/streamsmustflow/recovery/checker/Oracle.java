package dev.streamsmustflow.recovery.checker;

import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.workload.SentRecords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the output topic against the sent trades, every field of every update: the last value per
 * window equals the expected aggregate; every update is the aggregate of a prefix of its window's
 * trades (this catches double counting that a later update hides) and fits its own average and window
 * end; a window's updates never go back; no window is missing and none is unexpected. An over-count
 * (at-least-once) is still checked: minimum and maximum exactly, and the excess must be whole
 * duplicated trades of the window — otherwise a trade is lost behind the duplicates. Late trades count
 * where the app's stream time lets them ({@link ExpectedWindows}); every malformed record must be
 * dead-lettered ({@link DeadLetterCheck}). The expectation is made from the input topic as the broker
 * holds it ({@link InputLog}): a record the broker wrote twice must be counted twice.
 */
public final class Oracle {

    private final ExpectedWindows expected;
    private final ProcessingGuarantee guarantee;
    private final OracleFindings findings = new OracleFindings();

    private Oracle(ExpectedWindows expected, ProcessingGuarantee guarantee) {
        this.expected = expected;
        this.guarantee = guarantee;
    }

    /**
     * Checks what a run produced against what it sent and what the input topic holds. UNKNOWN when a
     * send's outcome is unknown, or the input topic lacks an acknowledged record or holds one never sent.
     *
     * @param graceMs the app's grace period: which late trades count in which windows
     */
    public static Verdict check(SentRecords sent, Observed observed, ProcessingGuarantee guarantee, long graceMs) {
        try {
            if (!sent.indeterminate().isEmpty()) {
                return Verdict.unknown(guarantee, sent.indeterminate().size()
                        + " record(s) have an unknown send outcome, so the expected output is not known");
            }
            InputLog input = InputLog.of(sent, observed.input());
            InputAudit audit = input.audit();
            if (audit.missing() + audit.foreign() > 0) {
                return Verdict.unknown(guarantee, "the input topic is not what the broker acknowledged ("
                        + audit.describe() + "), so the expected output is not known", audit);
            }
            // the app must process what the topic holds: a record written twice counts twice
            ExpectedWindows expected = ExpectedWindows.of(input.trades(), observed.resumes(), graceMs);
            return check(expected, observed.output(), DeadLetterCheck.of(input.malformed(), observed.deadLetters()),
                    guarantee, audit);
        } catch (RuntimeException e) {
            return Verdict.unknown(guarantee, "the oracle failed: " + e);
        }
    }

    static Verdict check(ExpectedWindows expected, List<OutputRecord> output, DeadLetterCheck deadLetters,
            ProcessingGuarantee guarantee, InputAudit input) {
        Map<String, List<OutputRecord>> byWindow = new LinkedHashMap<>();
        output.forEach(record -> byWindow.computeIfAbsent(record.window(), key -> new ArrayList<>()).add(record));
        Oracle oracle = new Oracle(expected, guarantee);
        for (String window : expected.windows()) {
            List<OutputRecord> updates = byWindow.get(window);
            if (updates == null) {
                oracle.findings.lost("lost " + window + ": expected " + expected.finalValue(window) + ", no update seen");
            } else {
                oracle.checkWindow(window, updates);
            }
        }
        byWindow.forEach((window, updates) -> {
            if (expected.finalValue(window) == null) {
                oracle.findings.unexpected("unexpected " + window + ": " + updates.get(updates.size() - 1).aggregate());
            }
        });
        return oracle.findings.verdict(guarantee, new Verdict.Coverage(expected.size(), byWindow.size(), output.size(),
                expected.lateDrops()), deadLetters, input);
    }

    private void checkWindow(String window, List<OutputRecord> updates) {
        List<WindowAggregate> values = updates.stream().map(OutputRecord::aggregate).toList();
        int back = UpdateOrder.firstGoingBack(values);
        if (back >= 0) {
            findings.regressed("regressed " + window + ": update " + (back + 1) + " of " + values.size() + " goes back, "
                    + values + " at " + where(updates.get(back)));
        }
        updates.stream().filter(update -> !fitsItself(window, update)).findFirst().ifPresent(update -> findings.wrong(
                "wrong " + window + " at " + where(update) + ": window end " + update.windowEnd() + ", average "
                        + update.averagePriceCents() + " do not fit " + update.aggregate()));
        WindowAggregate want = expected.finalValue(window);
        WindowAggregate got = values.get(values.size() - 1);
        if (got.count() < want.count()) {
            findings.lost("lost " + window + ": expected " + want + ", last seen " + got);
        } else if (got.count() > want.count()) {
            checkOverCount(window, want, got);
        } else if (!got.equals(want)) {
            findings.wrong("wrong " + window + ": expected " + want + ", last seen " + got);
        } else {
            updates.stream().filter(update -> expected.prefixIndex(window, update.aggregate()) < 0).findFirst()
                    .ifPresent(update -> findings.wrong("update of " + window + " at " + where(update)
                            + " is no prefix aggregate: " + update.aggregate()));
        }
    }

    /** Duplicates cannot change the minimum or the maximum, and their excess is made of the window's own trades. */
    private void checkOverCount(String window, WindowAggregate want, WindowAggregate got) {
        String seen = window + ": expected " + want + ", last seen " + got;
        if (got.minPriceCents() > want.minPriceCents() || got.maxPriceCents() < want.maxPriceCents()) {
            findings.lost("lost behind duplicates " + seen + " (an extreme price is missing)");
        } else if (got.minPriceCents() != want.minPriceCents() || got.maxPriceCents() != want.maxPriceCents()) {
            findings.wrong("wrong over-counted " + seen + " (a price no trade of the window has)");
        } else {
            long excess = got.count() - want.count();
            switch (DuplicateExplanation.of(expected.trades(window), excess, got.sumPriceCents() - want.sumPriceCents(),
                    got.volume() - want.volume())) {
                case DUPLICATES -> findings.duplicated(excess, "over-counted " + seen);
                case NOT_DUPLICATES -> findings.lost("lost behind duplicates " + seen
                        + " (no choice of duplicated trades gives the excess)");
                case TOO_LARGE -> findings.undetermined("over-counted by " + excess + " " + seen);
            }
        }
    }

    private static boolean fitsItself(String window, OutputRecord update) {
        WindowAggregate aggregate = update.aggregate();
        double average = aggregate.count() == 0 ? 0.0 : (double) aggregate.sumPriceCents() / aggregate.count();
        return update.windowEnd() == ExpectedWindows.endOf(window) && update.averagePriceCents() == average;
    }

    private static String where(OutputRecord update) {
        return "partition " + update.partition() + " offset " + update.offset();
    }
}
