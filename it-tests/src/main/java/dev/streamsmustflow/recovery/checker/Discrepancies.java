package dev.streamsmustflow.recovery.checker;

/**
 * How the output differs from what the oracle expects, window by window.
 *
 * @param lost windows missing from the output, or whose final value counts fewer trades than sent
 * @param unexpected windows in the output that no sent trade belongs to
 * @param duplicated windows whose final value counts more trades than sent (double counting)
 * @param overCountedTrades how many trade counts the duplicated windows have in excess, summed
 * @param wrong windows whose final value has the right count but wrong fields, plus updates that
 *     are no prefix aggregate of their window outside the duplicated windows
 */
public record Discrepancies(long lost, long unexpected, long duplicated, long overCountedTrades, long wrong) {

    public static final Discrepancies NONE = new Discrepancies(0, 0, 0, 0, 0);

    public Discrepancies plus(Discrepancies other) {
        return new Discrepancies(lost + other.lost, unexpected + other.unexpected, duplicated + other.duplicated,
                overCountedTrades + other.overCountedTrades, wrong + other.wrong);
    }

    /** Whether any window was lost, invented, over-counted or changed. */
    public boolean any() {
        return lost + unexpected + duplicated + wrong > 0;
    }
}
