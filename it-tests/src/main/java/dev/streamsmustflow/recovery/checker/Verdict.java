package dev.streamsmustflow.recovery.checker;

import java.util.List;

/**
 * What the oracle concluded about the output topic.
 *
 * @param lost windows missing from the output, or whose final value counts fewer trades than sent
 * @param unexpected windows in the output that no sent trade belongs to
 * @param duplicated windows whose final value counts more trades than sent (double counting)
 * @param overCountedTrades how many trade counts the duplicated windows have in excess, summed
 * @param wrong windows whose final value has the right count but wrong fields, plus updates that
 *     are no prefix aggregate of their window outside the duplicated windows
 * @param examples the first few discrepancies, readable
 * @param error why the check could not be made (UNKNOWN), or null
 */
public record Verdict(
        Validity validity,
        String guarantee,
        String summary,
        int expectedWindows,
        int windowsSeen,
        long outputRecords,
        long lost,
        long unexpected,
        long duplicated,
        long overCountedTrades,
        long wrong,
        List<String> examples,
        String error) {

    public static Verdict unknown(String guarantee, String error) {
        return new Verdict(Validity.UNKNOWN, guarantee, "could not check: " + error, 0, 0, 0, 0, 0, 0, 0, 0, List.of(),
                error);
    }
}
