package dev.streamsmustflow.recovery.checker;

/**
 * How the output differs from what the oracle expects, window by window.
 *
 * @param lost windows missing from the output, whose final value counts fewer trades than sent, or
 *     whose over-count cannot be made of duplicated trades (a loss hidden among duplicates)
 * @param unexpected windows in the output that no sent trade belongs to
 * @param duplicated windows whose final value counts more trades than sent, the excess being whole
 *     duplicated trades of the window (double counting)
 * @param overCountedTrades how many trade counts the duplicated windows have in excess, summed
 * @param wrong windows whose values are wrong in a way neither a loss nor a duplicate explains: a
 *     field of the final value, an update that is no prefix aggregate of the window (outside the
 *     duplicated windows), an average or window end that does not fit its own aggregate
 * @param regressed windows whose successive updates go back: a count that decreases, or an earlier
 *     value that comes back after a later one — what a consumer reading the topic as a table sees
 * @param undetermined over-counted windows whose excess is too large to tell a loss among
 *     duplicates from duplicates alone: not checked, so the verdict cannot be VALID
 */
public record Discrepancies(long lost, long unexpected, long duplicated, long overCountedTrades, long wrong,
        long regressed, long undetermined) {

    public static final Discrepancies NONE = new Discrepancies(0, 0, 0, 0, 0, 0, 0);

    public Discrepancies plus(Discrepancies other) {
        return new Discrepancies(lost + other.lost, unexpected + other.unexpected, duplicated + other.duplicated,
                overCountedTrades + other.overCountedTrades, wrong + other.wrong, regressed + other.regressed,
                undetermined + other.undetermined);
    }

    /** Whether any window was lost, invented, over-counted, changed, went back or could not be checked. */
    public boolean any() {
        return lost + unexpected + duplicated + wrong + regressed + undetermined > 0;
    }
}
