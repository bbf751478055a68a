package dev.streamsmustflow.recovery.checker;

import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import java.util.ArrayList;
import java.util.List;

/** What the oracle found so far, counted per kind, with the first few examples in words. */
final class OracleFindings {

    static final int EXAMPLES = 5;

    private final List<String> examples = new ArrayList<>();
    private long lost;
    private long unexpected;
    private long duplicated;
    private long overCountedTrades;
    private long wrong;
    private long regressed;
    private long undetermined;

    void lost(String example) {
        lost++;
        example(example);
    }

    void unexpected(String example) {
        unexpected++;
        example(example);
    }

    void duplicated(long excessTrades, String example) {
        duplicated++;
        overCountedTrades += excessTrades;
        example(example);
    }

    void wrong(String example) {
        wrong++;
        example(example);
    }

    void regressed(String example) {
        regressed++;
        example(example);
    }

    void undetermined(String example) {
        undetermined++;
        example(example);
    }

    Discrepancies discrepancies() {
        return new Discrepancies(lost, unexpected, duplicated, overCountedTrades, wrong, regressed, undetermined);
    }

    List<String> examples() {
        return List.copyOf(examples);
    }

    /**
     * INVALID when anything is lost, invented, wrong or goes back, or over-counted under exactly-once, or a
     * dead letter is missing, unexpected, or doubled under exactly-once;
     * UNKNOWN when an over-count could not be checked; VALID otherwise (under at-least-once with the
     * over-count measured).
     */
    Verdict verdict(ProcessingGuarantee guarantee, Verdict.Coverage coverage, DeadLetterCheck deadLetters,
            InputAudit input) {
        Discrepancies found = discrepancies();
        boolean failed = found.lost() + found.unexpected() + found.wrong() + found.regressed() > 0
                || (guarantee.exactlyOnce() && found.duplicated() > 0) || deadLetters.failed(guarantee);
        Validity validity = failed ? Validity.INVALID : found.undetermined() > 0 ? Validity.UNKNOWN : Validity.VALID;
        String counts = coverage.expectedWindows() + " windows expected; lost " + found.lost() + ", unexpected "
                + found.unexpected() + ", over-counted " + found.duplicated() + " (" + found.overCountedTrades()
                + " excess trade counts), wrong " + found.wrong() + ", regressed " + found.regressed()
                + (found.undetermined() > 0 ? ", " + found.undetermined() + " over-counted by too much to tell a loss"
                        + " among duplicates from duplicates alone" : "") + "; " + deadLetters.describe()
                + (input.any() ? "; input: " + input.describe() : "");
        String summary = validity == Validity.VALID && found.duplicated() > 0
                ? "VALID under " + guarantee + " with a measured over-count: " + counts
                : validity + ": " + counts;
        return new Verdict(validity, guarantee, summary, coverage, found, deadLetters, input, examples(), null);
    }

    private void example(String text) {
        if (examples.size() < EXAMPLES) {
            examples.add(text);
        }
    }
}
