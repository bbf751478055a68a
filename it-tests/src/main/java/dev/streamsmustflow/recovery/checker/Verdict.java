package dev.streamsmustflow.recovery.checker;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import java.util.List;

/**
 * What the oracle concluded about the output topic. In JSON the coverage and discrepancy counts are
 * fields of the verdict itself.
 *
 * @param input the input topic read back against what the broker acknowledged
 * @param examples the first few discrepancies, readable
 * @param error why the check could not be made (UNKNOWN), or null
 */
public record Verdict(
        Validity validity,
        ProcessingGuarantee guarantee,
        String summary,
        @JsonUnwrapped Coverage coverage,
        @JsonUnwrapped Discrepancies discrepancies,
        DeadLetterCheck deadLetters,
        InputAudit input,
        List<String> examples,
        String error) {

    public Verdict {
        // verdicts written before dead letters were checked have none
        deadLetters = deadLetters == null ? DeadLetterCheck.NOTHING_CHECKED : deadLetters;
        // nor was the input topic read back
        input = input == null ? InputAudit.NOTHING_CHECKED : input;
    }

    /**
     * How much output was checked.
     *
     * @param expectedWindows windows the sent trades fall into
     * @param windowsSeen windows with at least one output record
     * @param outputRecords output records read
     * @param lateDrops how many times a trade was too late for one of its windows, where the app must drop it
     */
    public record Coverage(int expectedWindows, int windowsSeen, long outputRecords, long lateDrops) {

        public static final Coverage NOTHING_CHECKED = new Coverage(0, 0, 0, 0);
    }

    /** A check that could not be made: nothing was compared, so nothing was found either. */
    public static Verdict unknown(ProcessingGuarantee guarantee, String error) {
        return unknown(guarantee, error, InputAudit.NOTHING_CHECKED);
    }

    /** A check that could not be made because of what the input topic holds. */
    static Verdict unknown(ProcessingGuarantee guarantee, String error, InputAudit input) {
        return new Verdict(Validity.UNKNOWN, guarantee, "could not check: " + error, Coverage.NOTHING_CHECKED,
                Discrepancies.NONE, DeadLetterCheck.NOTHING_CHECKED, input, List.of(), error);
    }
}
