package dev.streamsmustflow.recovery.checker;

import dev.streamsmustflow.recovery.workload.GeneratedTrade;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whether a window's over-count can be made of whole duplicated trades: a multiset of the window's
 * own trades, as many as the excess count, whose prices and quantities add up to the excess sum and
 * volume. If none can, at least one trade is missing behind the duplicates (or a value is wrong).
 */
final class DuplicateExplanation {

    /** What the numbers say about an over-counted window. */
    enum Outcome {
        /** The excess is whole duplicated trades of the window. */
        DUPLICATES,
        /** No choice of duplicated trades gives the excess: something is lost or wrong. */
        NOT_DUPLICATES,
        /** The excess is too large to search: the numbers are not checked. */
        TOO_LARGE
    }

    /** Beyond this many excess trades the search is not made; a recovery duplicates far fewer per window. */
    static final long MAX_EXCESS = 8;

    private record Candidate(long price, long quantity) {
    }

    private final List<Candidate> candidates;

    private DuplicateExplanation(List<Candidate> candidates) {
        this.candidates = candidates;
    }

    static Outcome of(List<GeneratedTrade> windowTrades, long excessCount, long excessSum, long excessVolume) {
        if (excessCount > MAX_EXCESS) {
            return Outcome.TOO_LARGE;
        }
        List<Candidate> distinct = new ArrayList<>(windowTrades.stream()
                .map(trade -> new Candidate(trade.priceCents(), trade.quantity())).distinct().toList());
        distinct.sort(Comparator.comparingLong(Candidate::price));
        boolean found = new DuplicateExplanation(distinct).search(0, excessCount, excessSum, excessVolume);
        return found ? Outcome.DUPLICATES : Outcome.NOT_DUPLICATES;
    }

    /** Depth-first over the candidates in price order, each usable any number of times. */
    private boolean search(int from, long count, long sum, long volume) {
        if (count == 0) {
            return sum == 0 && volume == 0;
        }
        if (sum <= 0 || volume <= 0 || from >= candidates.size()) {
            return false;
        }
        for (int at = from; at < candidates.size(); at++) {
            Candidate candidate = candidates.get(at);
            // prices are sorted: if even the cheapest choice overshoots, so does every later one
            if (candidate.price() * count > sum) {
                return false;
            }
            if (search(at, count - 1, sum - candidate.price(), volume - candidate.quantity())) {
                return true;
            }
        }
        return false;
    }
}
