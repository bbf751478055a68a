package dev.streamsmustflow.recovery.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.workload.GeneratedTrade;
import dev.streamsmustflow.recovery.workload.SentTrades;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Windows here: trades at 10.0 s and 10.5 s of symbol A fall into the windows starting at 6..10 s. */
class OracleTest {

    private static final GeneratedTrade FIRST = new GeneratedTrade(0, "A", 100, 1, 10_000);
    private static final ProcessingGuarantee EOS = ProcessingGuarantee.EXACTLY_ONCE_V2;
    private static final ProcessingGuarantee ALOS = ProcessingGuarantee.AT_LEAST_ONCE;
    private static final GeneratedTrade SECOND = new GeneratedTrade(1, "A", 300, 2, 10_500);
    private static final WindowAggregate ONE = new WindowAggregate(1, 100, 100, 100, 1);
    private static final WindowAggregate BOTH = new WindowAggregate(2, 400, 100, 300, 3);
    private static final WindowAggregate FIRST_TWICE = new WindowAggregate(2, 200, 100, 100, 2);
    private static final WindowAggregate ALL_THREE = new WindowAggregate(3, 500, 100, 300, 4);

    @Test
    void correctOutputIsValid() {
        Verdict verdict = Oracle.check(sent(FIRST, SECOND), updates(ONE, BOTH), EOS);

        assertEquals(Validity.VALID, verdict.validity(), verdict.summary());
        assertEquals(5, verdict.coverage().expectedWindows());
        assertEquals(10, verdict.coverage().outputRecords());
    }

    @Test
    void aMissingWindowIsLost() {
        List<OutputRecord> output = updates(ONE, BOTH);
        output.removeIf(record -> record.window().equals("A@6000"));

        Verdict verdict = Oracle.check(sent(FIRST, SECOND), output, EOS);

        assertEquals(Validity.INVALID, verdict.validity());
        assertEquals(1, verdict.discrepancies().lost(), verdict.summary());
        assertEquals("lost A@6000: expected " + BOTH + ", last seen null", verdict.examples().get(0));
    }

    @Test
    void aDoubleCountLaterHiddenIsStillCaught() {
        // Final values are right, but an update counted the first trade twice on the way.
        Verdict verdict = Oracle.check(sent(FIRST, SECOND), updates(ONE, FIRST_TWICE, BOTH), EOS);

        assertEquals(Validity.INVALID, verdict.validity());
        assertEquals(5, verdict.discrepancies().wrong(), verdict.summary());
        assertEquals(0, verdict.discrepancies().duplicated());
    }

    @Test
    void anOverCountFailsExactlyOnceButIsMeasuredUnderAtLeastOnce() {
        List<OutputRecord> output = updates(ONE, BOTH, ALL_THREE);

        Verdict exactlyOnce = Oracle.check(sent(FIRST, SECOND), output, EOS);
        Verdict atLeastOnce = Oracle.check(sent(FIRST, SECOND), output, ALOS);

        assertEquals(Validity.INVALID, exactlyOnce.validity());
        assertEquals(Validity.VALID, atLeastOnce.validity(), atLeastOnce.summary());
        assertEquals(5, atLeastOnce.discrepancies().duplicated());
        assertEquals(5, atLeastOnce.discrepancies().overCountedTrades());
        assertEquals(0, atLeastOnce.discrepancies().wrong(), "non-prefix updates of over-counted windows are duplicates, not wrong");
    }

    @Test
    void aWindowNoTradeBelongsToIsUnexpected() {
        List<OutputRecord> output = updates(ONE, BOTH);
        output.add(record("B@6000", ONE));

        Verdict verdict = Oracle.check(sent(FIRST, SECOND), output, EOS);

        assertEquals(Validity.INVALID, verdict.validity());
        assertEquals(1, verdict.discrepancies().unexpected());
    }

    @Test
    void anUnknownSendOutcomeMakesTheVerdictUnknown() {
        SentTrades sent = sent(FIRST);
        sent.indeterminate(SECOND);

        Verdict verdict = Oracle.check(sent, updates(ONE, BOTH), EOS);

        assertEquals(Validity.UNKNOWN, verdict.validity());
    }

    @Test
    void anOracleThatFailsSaysUnknownInsteadOfCrashing() {
        Verdict verdict = Oracle.check(sent(FIRST), null, EOS);

        assertEquals(Validity.UNKNOWN, verdict.validity());
    }

    @Test
    void validityCombinesToTheWorst() {
        assertEquals(Validity.INVALID, Validity.VALID.and(Validity.INVALID));
        assertEquals(Validity.UNKNOWN, Validity.UNKNOWN.and(Validity.VALID));
        assertEquals(Validity.INVALID, Validity.INVALID.and(Validity.UNKNOWN));
    }

    private static SentTrades sent(GeneratedTrade... trades) {
        SentTrades sent = new SentTrades();
        for (GeneratedTrade trade : trades) {
            sent.acknowledged(trade);
        }
        return sent;
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

    private static OutputRecord record(String window, WindowAggregate aggregate) {
        return new OutputRecord(window, aggregate, 0, 0, 0, 0);
    }
}
