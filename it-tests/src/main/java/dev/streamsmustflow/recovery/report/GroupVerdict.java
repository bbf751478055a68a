package dev.streamsmustflow.recovery.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.streamsmustflow.recovery.checker.Discrepancies;
import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.checker.Verdict;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The oracle's verdicts over the repetitions of a group: the worst validity (as Jepsen composes
 * checkers) and the discrepancy counts summed, so that one bad repetition cannot hide behind good ones.
 * In JSON the counts are fields of the verdict itself.
 *
 * @param notValid how many repetitions were not VALID
 * @param notes the summary of every repetition that was not VALID, prefixed with its scenario
 */
public record GroupVerdict(
        Validity validity,
        int notValid,
        @JsonUnwrapped Discrepancies discrepancies,
        List<String> notes) {

    static GroupVerdict of(List<RecoveryResult> results) {
        Validity worst = Validity.VALID;
        int notValid = 0;
        Discrepancies summed = Discrepancies.NONE;
        List<String> notes = new ArrayList<>();
        for (RecoveryResult result : results) {
            Verdict verdict = result.verdict() == null ? Verdict.unknown(result.guarantee(), "no verdict recorded")
                    : result.verdict();
            worst = worst.and(verdict.validity());
            summed = summed.plus(verdict.discrepancies());
            if (verdict.validity() != Validity.VALID) {
                notValid++;
                notes.add(result.scenario() + ": " + verdict.summary());
            }
        }
        return new GroupVerdict(worst, notValid, summed, List.copyOf(notes));
    }

    /** Whether any repetition lost, invented, over-counted or changed a window. */
    boolean hasDiscrepancies() {
        return discrepancies.any();
    }
}
