package dev.streamsmustflow.recovery.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.workload.GeneratedTrade;
import dev.streamsmustflow.recovery.workload.MalformedRecord;
import dev.streamsmustflow.recovery.workload.SentRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Deliberately wrong output, one rule at a time, and the oracle catching it. Windows here: trades at
 * 10.0 s, 10.5 s and 10.8 s of symbol A fall into the five windows starting at 6..10 s.
 */
class OracleTest {

    private static final ProcessingGuarantee EOS = ProcessingGuarantee.EXACTLY_ONCE_V2;
    private static final ProcessingGuarantee ALOS = ProcessingGuarantee.AT_LEAST_ONCE;
    private static final GeneratedTrade FIRST = new GeneratedTrade(0, "A", 100, 1, 10_000);
    private static final GeneratedTrade SECOND = new GeneratedTrade(1, "A", 300, 2, 10_500);
    private static final GeneratedTrade THIRD = new GeneratedTrade(2, "A", 700, 4, 10_800);
    private static final WindowAggregate ONE = new WindowAggregate(1, 100, 100, 100, 1);
    private static final WindowAggregate BOTH = new WindowAggregate(2, 400, 100, 300, 3);
    private static final WindowAggregate FIRST_TWICE = new WindowAggregate(2, 200, 100, 100, 2);
    private static final WindowAggregate ALL_THREE = new WindowAggregate(3, 500, 100, 300, 4);

    @Test
    void correctOutputIsValid() {
        Verdict verdict = check(sent(FIRST, SECOND), updates(ONE, BOTH), EOS);

        assertEquals(Validity.VALID, verdict.validity(), verdict.summary());
        assertEquals(5, verdict.coverage().expectedWindows());
        assertEquals(10, verdict.coverage().outputRecords());
    }

    @Test
    void aMissingWindowIsLost() {
        List<OutputRecord> output = updates(ONE, BOTH);
        output.removeIf(record -> record.window().equals("A@6000"));

        Verdict verdict = check(sent(FIRST, SECOND), output, EOS);

        assertEquals(Validity.INVALID, verdict.validity());
        assertEquals(1, verdict.discrepancies().lost(), verdict.summary());
        assertEquals("lost A@6000: expected " + BOTH + ", no update seen", verdict.examples().get(0));
    }

    @Test
    void aDoubleCountLaterHiddenIsStillCaught() {
        // Final values are right, but an update counted the first trade twice on the way.
        Verdict verdict = check(sent(FIRST, SECOND), updates(ONE, FIRST_TWICE, BOTH), EOS);

        assertEquals(Validity.INVALID, verdict.validity());
        assertEquals(5, verdict.discrepancies().wrong(), verdict.summary());
        assertEquals(0, verdict.discrepancies().duplicated());
    }

    @Test
    void aWrongAverageIsCaughtThoughEveryCountIsRight() {
        List<OutputRecord> output = updates(ONE, BOTH);
        output.set(output.size() - 1, with(output.get(output.size() - 1), record -> new OutputRecord(record.window(),
                record.aggregate(), record.windowEnd(), 150.0, record.partition(), record.offset(), record.appendTime())));

        Verdict verdict = check(sent(FIRST, SECOND), output, EOS);

        assertEquals(Validity.INVALID, verdict.validity());
        assertEquals(1, verdict.discrepancies().wrong(), verdict.summary());
        assertTrue(verdict.examples().get(0).contains("average 150.0 do not fit"), verdict.examples().toString());
    }

    @Test
    void aWrongWindowEndIsCaught() {
        List<OutputRecord> output = updates(ONE, BOTH);
        output.set(0, with(output.get(0), record -> new OutputRecord(record.window(), record.aggregate(),
                record.windowEnd() + 1_000, record.averagePriceCents(), record.partition(), record.offset(),
                record.appendTime())));

        Verdict verdict = check(sent(FIRST, SECOND), output, EOS);

        assertEquals(Validity.INVALID, verdict.validity());
        assertEquals(1, verdict.discrepancies().wrong(), verdict.summary());
    }

    @Test
    void aCountThatGoesBackIsARegressionUnderEitherGuarantee() {
        // 1, 2, 1, 2: every update is a prefix and the last one is right, yet a reader saw the count drop.
        List<OutputRecord> output = updates(ONE, BOTH, ONE, BOTH);

        for (ProcessingGuarantee guarantee : List.of(EOS, ALOS)) {
            Verdict verdict = check(sent(FIRST, SECOND), output, guarantee);

            assertEquals(Validity.INVALID, verdict.validity(), guarantee + ": " + verdict.summary());
            assertEquals(5, verdict.discrepancies().regressed(), verdict.summary());
        }
    }

    @Test
    void anEarlierValueThatComesBackIsARollback() {
        // the same count throughout, but a value returns after another: a table reader sees it roll back
        List<OutputRecord> output = updates(ONE, FIRST_TWICE, BOTH, FIRST_TWICE, BOTH);

        Verdict verdict = check(sent(FIRST, SECOND), output, ALOS);

        assertEquals(Validity.INVALID, verdict.validity());
        assertEquals(5, verdict.discrepancies().regressed(), verdict.summary());
    }

    @Test
    void anOverCountFailsExactlyOnceButIsMeasuredUnderAtLeastOnce() {
        List<OutputRecord> output = updates(ONE, BOTH, ALL_THREE);

        Verdict exactlyOnce = check(sent(FIRST, SECOND), output, EOS);
        Verdict atLeastOnce = check(sent(FIRST, SECOND), output, ALOS);

        assertEquals(Validity.INVALID, exactlyOnce.validity());
        assertEquals(Validity.VALID, atLeastOnce.validity(), atLeastOnce.summary());
        assertEquals(5, atLeastOnce.discrepancies().duplicated());
        assertEquals(5, atLeastOnce.discrepancies().overCountedTrades());
        assertEquals(0, atLeastOnce.discrepancies().wrong(), "non-prefix updates of over-counted windows are duplicates");
    }

    @Test
    void aLossHiddenAmongDuplicatesIsReportedAsALoss() {
        // Expected FIRST, SECOND, THIRD; the app counted FIRST three times and lost SECOND: one more
        // trade than sent, the maximum right, but no choice of duplicates makes up the excess.
        WindowAggregate lossAndDuplicates = new WindowAggregate(4, 100 + 700 + 100 + 100, 100, 700, 1 + 4 + 1 + 1);

        Verdict verdict = check(sent(FIRST, SECOND, THIRD), updates(lossAndDuplicates), ALOS);

        assertEquals(Validity.INVALID, verdict.validity(), verdict.summary());
        assertEquals(5, verdict.discrepancies().lost(), verdict.summary());
        assertEquals(0, verdict.discrepancies().duplicated());
        assertTrue(verdict.examples().get(0).contains("no choice of duplicated trades gives the excess"),
                verdict.examples().toString());
    }

    @Test
    void aLostExtremePriceBehindDuplicatesIsALoss() {
        // THIRD lost, FIRST counted twice: the count is one over, but the maximum price is missing.
        WindowAggregate lostMaximum = new WindowAggregate(4, 100 + 300 + 100 + 100, 100, 300, 1 + 2 + 1 + 1);

        Verdict verdict = check(sent(FIRST, SECOND, THIRD), updates(lostMaximum), ALOS);

        assertEquals(5, verdict.discrepancies().lost(), verdict.summary());
        assertTrue(verdict.examples().get(0).contains("an extreme price is missing"), verdict.examples().toString());
    }

    @Test
    void anOverCountTooLargeToSearchIsNotCalledValid() {
        long excess = DuplicateExplanation.MAX_EXCESS + 1;
        WindowAggregate manyDuplicates = new WindowAggregate(2 + excess, 400 + excess * 100, 100, 300, 3 + excess);

        Verdict verdict = check(sent(FIRST, SECOND), updates(manyDuplicates), ALOS);

        assertEquals(Validity.UNKNOWN, verdict.validity(), verdict.summary());
        assertEquals(5, verdict.discrepancies().undetermined());
    }

    @Test
    void aTradeBeyondTheGracePeriodMustBeDropped() {
        GeneratedTrade onTime = new GeneratedTrade(0, "A", 100, 1, 30_000);
        GeneratedTrade tooLate = new GeneratedTrade(1, "A", 500, 1, 18_000); // its last window ends at 23 s, closed at 25 s
        List<OutputRecord> onTimeOnly = updatesOf(30_000, ONE);

        Verdict dropped = check(sent(onTime, tooLate), onTimeOnly, EOS);
        List<OutputRecord> counted = new ArrayList<>(onTimeOnly);
        counted.add(record("A@18000", new WindowAggregate(1, 500, 500, 500, 1)));
        Verdict countedAnyway = check(sent(onTime, tooLate), counted, EOS);

        assertEquals(Validity.VALID, dropped.validity(), dropped.summary());
        assertEquals(5, dropped.coverage().lateDrops(), "all five of its windows were closed");
        assertEquals(Validity.INVALID, countedAnyway.validity());
        assertEquals(1, countedAnyway.discrepancies().unexpected(), countedAnyway.summary());
    }

    @Test
    void aLateTradeWithinTheGracePeriodCounts() {
        GeneratedTrade onTime = new GeneratedTrade(0, "A", 100, 1, 14_000);
        GeneratedTrade late = new GeneratedTrade(1, "A", 300, 2, 11_000); // 3 s late, grace 5 s
        List<OutputRecord> lateIgnored = updatesOf(14_000, ONE);

        Verdict verdict = check(sent(onTime, late), lateIgnored, EOS);

        assertEquals(Validity.INVALID, verdict.validity(), "the late trade's windows are missing: " + verdict.summary());
        assertEquals(0, verdict.coverage().lateDrops());
    }

    @Test
    void streamTimeStartsOverWhereATaskResumed() {
        // Kafka Streams keeps stream time per task instance: after a restart at offset 1, the too-late
        // trade is the first the new instance sees, and counts.
        GeneratedTrade onTime = new GeneratedTrade(0, "A", 100, 1, 30_000);
        GeneratedTrade tooLate = new GeneratedTrade(1, "A", 500, 1, 18_000);
        List<OutputRecord> output = new ArrayList<>(updatesOf(30_000, ONE));
        for (long start = 14_000; start <= 18_000; start += 1_000) {
            output.add(record("A@" + start, new WindowAggregate(1, 500, 500, 500, 1)));
        }
        NavigableSet<Long> resumedAt = new TreeSet<>(List.of(0L, 1L));

        SentRecords sent = sent(onTime, tooLate);

        Verdict verdict = Oracle.check(sent, observed(sent, output, List.of(), Map.of(0, resumedAt)), EOS, GRACE_MS);

        assertEquals(Validity.VALID, verdict.validity(), verdict.summary() + " " + verdict.examples());
        assertEquals(0, verdict.coverage().lateDrops());
    }

    @Test
    void everyMalformedRecordIsDeadLetteredExactlyOnceUnderExactlyOnce() {
        SentRecords sent = sent(FIRST, SECOND);
        sent.acknowledged(MALFORMED, 0, 2);
        DeadLetterRecord letter = new DeadLetterRecord(0, 2L, "not valid JSON");
        DeadLetterRecord forAValidTrade = new DeadLetterRecord(0, 1L, "made up");

        Verdict missing = Oracle.check(sent, observed(sent, updates(ONE, BOTH), List.of(), Map.of()), EOS, GRACE_MS);
        Verdict doubled = Oracle.check(sent, observed(sent, updates(ONE, BOTH), List.of(letter, letter), Map.of()), EOS,
                GRACE_MS);
        Verdict doubledAtLeastOnce = Oracle.check(sent, observed(sent, updates(ONE, BOTH), List.of(letter, letter),
                Map.of()), ALOS, GRACE_MS);
        Verdict unexpected = Oracle.check(sent, observed(sent, updates(ONE, BOTH), List.of(letter, forAValidTrade),
                Map.of()), EOS, GRACE_MS);
        Verdict right = Oracle.check(sent, observed(sent, updates(ONE, BOTH), List.of(letter), Map.of()), EOS, GRACE_MS);

        assertEquals(new DeadLetterCheck(1, 0, 1, 0, 0), missing.deadLetters());
        assertEquals(Validity.INVALID, missing.validity());
        assertEquals(Validity.INVALID, doubled.validity(), doubled.summary());
        assertEquals(1, doubled.deadLetters().doubled());
        assertEquals(Validity.VALID, doubledAtLeastOnce.validity(), "at least once under at-least-once");
        assertEquals(Validity.INVALID, unexpected.validity());
        assertEquals(1, unexpected.deadLetters().unexpected());
        assertEquals(Validity.VALID, right.validity(), right.summary());
    }

    @Test
    void aDeadLetterThatDoesNotSayWhereItsRecordWasIsUnexpectedNotRecordZero() {
        SentRecords sent = sent(FIRST, SECOND);
        sent.acknowledged(MALFORMED, 0, 2);
        DeadLetterRecord letter = new DeadLetterRecord(0, 2L, "not valid JSON");
        DeadLetterRecord nowhere = new DeadLetterRecord(null, null, "no record context");

        Verdict verdict = Oracle.check(sent, observed(sent, updates(ONE, BOTH), List.of(letter, nowhere), Map.of()), EOS,
                GRACE_MS);

        assertEquals(new DeadLetterCheck(1, 2, 0, 0, 1), verdict.deadLetters());
        assertEquals(Validity.INVALID, verdict.validity());
    }

    @Test
    void aWindowNoTradeBelongsToIsUnexpected() {
        List<OutputRecord> output = updates(ONE, BOTH);
        output.add(record("B@6000", ONE));

        Verdict verdict = check(sent(FIRST, SECOND), output, EOS);

        assertEquals(Validity.INVALID, verdict.validity());
        assertEquals(1, verdict.discrepancies().unexpected());
    }

    @Test
    void anUnknownSendOutcomeMakesTheVerdictUnknown() {
        SentRecords sent = sent(FIRST);
        sent.indeterminate(SECOND);

        Verdict verdict = check(sent, updates(ONE, BOTH), EOS);

        assertEquals(Validity.UNKNOWN, verdict.validity());
    }

    @Test
    void anOracleThatFailsSaysUnknownInsteadOfCrashing() {
        Verdict verdict = check(sent(FIRST), null, EOS);

        assertEquals(Validity.UNKNOWN, verdict.validity());
    }

    @Test
    void aTradeTheBrokerWroteTwiceMustBeCountedTwice() {
        // the producer's retry across a broker restart, not recognised as a retry: SECOND at offsets 1 and 2
        SentRecords sent = sent(FIRST, SECOND);
        List<InputRecord> input = new ArrayList<>(asLogged(sent));
        input.add(new InputRecord(0, 2, SECOND.key(), SECOND.value()));
        WindowAggregate secondTwice = new WindowAggregate(3, 700, 100, 300, 5);

        Verdict countedTwice = Oracle.check(sent, new Observed(input, updates(ONE, BOTH, secondTwice), List.of(),
                Map.of()), EOS, GRACE_MS);
        Verdict countedOnce = Oracle.check(sent, new Observed(input, updates(ONE, BOTH), List.of(), Map.of()), EOS,
                GRACE_MS);

        assertEquals(Validity.VALID, countedTwice.validity(), countedTwice.summary() + " " + countedTwice.examples());
        assertEquals(new InputAudit(3, 2, 0, 1, 0), countedTwice.input());
        assertTrue(countedTwice.summary().endsWith("input: 3 input records, 2 acknowledged; missing 0, written twice 1,"
                + " foreign 0"), countedTwice.summary());
        assertEquals(Validity.INVALID, countedOnce.validity(), "the app must process what the topic holds");
        assertEquals(5, countedOnce.discrepancies().lost(), countedOnce.summary());
    }

    @Test
    void aMalformedRecordWrittenTwiceNeedsADeadLetterForEachCopy() {
        SentRecords sent = sent(FIRST, SECOND);
        sent.acknowledged(MALFORMED, 0, 2);
        List<InputRecord> input = new ArrayList<>(asLogged(sent));
        input.add(new InputRecord(0, 3, MALFORMED.key(), MALFORMED.value()));
        DeadLetterRecord first = new DeadLetterRecord(0, 2L, "not valid JSON");
        DeadLetterRecord copy = new DeadLetterRecord(0, 3L, "not valid JSON");

        Verdict both = Oracle.check(sent, new Observed(input, updates(ONE, BOTH), List.of(first, copy), Map.of()), EOS,
                GRACE_MS);
        Verdict one = Oracle.check(sent, new Observed(input, updates(ONE, BOTH), List.of(first), Map.of()), EOS,
                GRACE_MS);

        assertEquals(Validity.VALID, both.validity(), both.summary());
        assertEquals(new DeadLetterCheck(2, 2, 0, 0, 0), both.deadLetters());
        assertEquals(Validity.INVALID, one.validity(), one.summary());
        assertEquals(1, one.deadLetters().missing());
    }

    @Test
    void anAcknowledgedRecordMissingFromTheInputTopicMakesTheVerdictUnknown() {
        SentRecords sent = sent(FIRST, SECOND);
        List<InputRecord> onlyFirst = List.of(new InputRecord(0, 0, FIRST.key(), FIRST.value()));

        Verdict verdict = Oracle.check(sent, new Observed(onlyFirst, updates(ONE), List.of(), Map.of()), EOS, GRACE_MS);

        assertEquals(Validity.UNKNOWN, verdict.validity(), verdict.summary());
        assertEquals(new InputAudit(1, 2, 1, 0, 0), verdict.input());
        assertTrue(verdict.error().contains("missing 1"), verdict.error());
    }

    @Test
    void aRecordTheWorkloadNeverSentMakesTheVerdictUnknown() {
        SentRecords sent = sent(FIRST);
        List<InputRecord> input = new ArrayList<>(asLogged(sent));
        input.add(new InputRecord(0, 1, "A", "{\"symbol\":\"A\",\"priceCents\":1,\"quantity\":1,\"eventTime\":10000}"));

        Verdict verdict = Oracle.check(sent, new Observed(input, updates(ONE), List.of(), Map.of()), EOS, GRACE_MS);

        assertEquals(Validity.UNKNOWN, verdict.validity(), verdict.summary());
        assertEquals(1, verdict.input().foreign());
    }

    @Test
    void aRecordAtItsAcknowledgedPlaceWithOtherContentIsMissingAndForeign() {
        SentRecords sent = sent(FIRST, SECOND);
        List<InputRecord> input = List.of(new InputRecord(0, 0, FIRST.key(), FIRST.value()),
                new InputRecord(0, 1, THIRD.key(), THIRD.value()));

        Verdict verdict = Oracle.check(sent, new Observed(input, updates(ONE, BOTH), List.of(), Map.of()), EOS,
                GRACE_MS);

        assertEquals(new InputAudit(2, 2, 1, 0, 1), verdict.input());
        assertEquals(Validity.UNKNOWN, verdict.validity());
    }

    @Test
    void validityCombinesToTheWorst() {
        assertEquals(Validity.INVALID, Validity.VALID.and(Validity.INVALID));
        assertEquals(Validity.UNKNOWN, Validity.UNKNOWN.and(Validity.VALID));
        assertEquals(Validity.INVALID, Validity.INVALID.and(Validity.UNKNOWN));
    }

    private static final long GRACE_MS = 5_000;
    private static final MalformedRecord MALFORMED = new MalformedRecord(9, "A", "{not json", "not JSON");

    /** The trades, acknowledged in this order at offsets 0, 1, 2 ... of partition 0. */
    private static SentRecords sent(GeneratedTrade... trades) {
        SentRecords sent = new SentRecords();
        for (int offset = 0; offset < trades.length; offset++) {
            sent.acknowledged(trades[offset], 0, offset);
        }
        return sent;
    }

    private static Verdict check(SentRecords sent, List<OutputRecord> output, ProcessingGuarantee guarantee) {
        return Oracle.check(sent, observed(sent, output, List.of(), Map.of()), guarantee, GRACE_MS);
    }

    /** What a run observed when the input topic holds exactly what the broker acknowledged. */
    private static Observed observed(SentRecords sent, List<OutputRecord> output, List<DeadLetterRecord> deadLetters,
            Map<Integer, NavigableSet<Long>> resumes) {
        return new Observed(asLogged(sent), output, deadLetters, resumes);
    }

    /** The input topic of a run whose broker holds every acknowledged record at its place, and nothing else. */
    private static List<InputRecord> asLogged(SentRecords sent) {
        return sent.acknowledged().stream().map(delivered -> new InputRecord(delivered.partition(), delivered.offset(),
                delivered.record().key(), delivered.record().value())).toList();
    }

    /** The same sequence of aggregates for each of the five windows of a trade at {@code eventTime}. */
    private static List<OutputRecord> updatesOf(long eventTime, WindowAggregate... aggregates) {
        List<OutputRecord> output = new ArrayList<>();
        long newest = eventTime - eventTime % 1_000;
        for (long start = newest - 4_000; start <= newest; start += 1_000) {
            for (WindowAggregate aggregate : aggregates) {
                output.add(record("A@" + start, aggregate));
            }
        }
        return output;
    }

    /** The same sequence of aggregates for each of the five windows starting at 6, 7, 8, 9 and 10 s. */
    private static List<OutputRecord> updates(WindowAggregate... aggregates) {
        List<OutputRecord> output = new ArrayList<>();
        for (long start = 6_000; start <= 10_000; start += 1_000) {
            for (WindowAggregate aggregate : aggregates) {
                output.add(record("A@" + start, aggregate));
            }
        }
        return output;
    }

    /** An update as the app writes it: the window's end, and the average of its own aggregate. */
    private static OutputRecord record(String window, WindowAggregate aggregate) {
        long end = Long.parseLong(window.substring(window.indexOf('@') + 1)) + 5_000;
        return new OutputRecord(window, aggregate, end, (double) aggregate.sumPriceCents() / aggregate.count(), 0, 0, 0);
    }

    private static OutputRecord with(OutputRecord record, UnaryOperator<OutputRecord> change) {
        return change.apply(record);
    }
}
