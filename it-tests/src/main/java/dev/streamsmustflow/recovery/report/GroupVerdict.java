package dev.streamsmustflow.recovery.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.streamsmustflow.recovery.checker.DeadLetterCheck;
import dev.streamsmustflow.recovery.checker.Discrepancies;
import dev.streamsmustflow.recovery.checker.InputAudit;
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
 * @param deadLetters the dead-letter checks summed
 * @param input the input topics read back, summed
 * @param notes the summary of every repetition that was not VALID, prefixed with its scenario
 */
public record GroupVerdict(
        Validity validity,
        int notValid,
        @JsonUnwrapped Discrepancies discrepancies,
        DeadLetterCheck deadLetters,
        InputAudit input,
        List<String> notes) {

    public GroupVerdict {
        // reports written before dead letters were checked have none
        deadLetters = deadLetters == null ? DeadLetterCheck.NOTHING_CHECKED : deadLetters;
        // nor read the input topic back
        input = input == null ? InputAudit.NOTHING_CHECKED : input;
    }

    static GroupVerdict of(List<RecoveryResult> results) {
        Validity worst = Validity.VALID;
        int notValid = 0;
        Discrepancies summed = Discrepancies.NONE;
        DeadLetterCheck deadLetters = DeadLetterCheck.NOTHING_CHECKED;
        InputAudit input = InputAudit.NOTHING_CHECKED;
        List<String> notes = new ArrayList<>();
        for (RecoveryResult result : results) {
            Verdict verdict = result.verdict() == null ? Verdict.unknown(result.guarantee(), "no verdict recorded")
                    : result.verdict();
            worst = worst.and(verdict.validity());
            summed = summed.plus(verdict.discrepancies());
            deadLetters = deadLetters.plus(verdict.deadLetters());
            input = input.plus(verdict.input());
            if (verdict.validity() != Validity.VALID) {
                notValid++;
                notes.add(result.scenario() + ": " + verdict.summary());
            }
        }
        return new GroupVerdict(worst, notValid, summed, deadLetters, input, List.copyOf(notes));
    }

    /** Whether any repetition lost, invented, over-counted, changed or regressed a window, or got a dead letter wrong. */
    boolean hasDiscrepancies() {
        return discrepancies.any() || deadLetters.any();
    }
}
