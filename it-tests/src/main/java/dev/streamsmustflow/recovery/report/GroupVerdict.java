package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.checker.Verdict;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The oracle's verdicts over the repetitions of a group: the worst validity (as Jepsen composes
 * checkers) and the discrepancy counts summed, so that one bad repetition cannot hide behind good ones.
 *
 * @param notValid how many repetitions were not VALID
 * @param notes the summary of every repetition that was not VALID, prefixed with its scenario
 */
public record GroupVerdict(
        Validity validity,
        int notValid,
        long lost,
        long unexpected,
        long duplicated,
        long overCountedTrades,
        long wrong,
        List<String> notes) {

    static GroupVerdict of(List<RecoveryResult> results) {
        Validity worst = Validity.VALID;
        int notValid = 0;
        long lost = 0;
        long unexpected = 0;
        long duplicated = 0;
        long overCounted = 0;
        long wrong = 0;
        List<String> notes = new ArrayList<>();
        for (RecoveryResult result : results) {
            Verdict verdict = result.verdict() == null ? Verdict.unknown(null, "no verdict recorded") : result.verdict();
            worst = worst.and(verdict.validity());
            lost += verdict.lost();
            unexpected += verdict.unexpected();
            duplicated += verdict.duplicated();
            overCounted += verdict.overCountedTrades();
            wrong += verdict.wrong();
            if (verdict.validity() != Validity.VALID) {
                notValid++;
                notes.add(result.scenario() + ": " + verdict.summary());
            }
        }
        return new GroupVerdict(worst, notValid, lost, unexpected, duplicated, overCounted, wrong, List.copyOf(notes));
    }

    /** Whether any repetition lost, invented, over-counted or changed a window. */
    boolean hasDiscrepancies() {
        return lost + unexpected + duplicated + wrong > 0;
    }
}
