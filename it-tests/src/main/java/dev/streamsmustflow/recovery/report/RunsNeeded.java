package dev.streamsmustflow.recovery.report;

/**
 * How many runs of each of two cells a difference of their medians would need to show against the spread seen: an
 * estimate for a reader who sees "the runs overlap" and asks whether more runs would settle it. The usual sample
 * size of a two-sided comparison at 5 % with 80 % power, n ≈ 2 (1.96 + 0.84)² σ² / d² ≈ 16 σ² / d², with σ pooled
 * from each cell's range over its runs (a range of n normal samples is about d₂(n) σ). An estimate from 3 runs
 * each is rough: a rule of thumb for planning, not a test.
 */
final class RunsNeeded {

    /** d₂(n): the mean range of n samples of a normal distribution, in standard deviations, for n = 2..10. */
    private static final double[] MEAN_RANGE = {0, 0, 1.128, 1.693, 2.059, 2.326, 2.534, 2.704, 2.847, 2.970, 3.078};
    private static final double FACTOR = 2 * Math.pow(1.96 + 0.84, 2);

    private RunsNeeded() {
    }

    /** The runs a cell, or null where there is no spread to estimate from (a cell ran once) or no difference. */
    static Integer of(Spread one, Spread other) {
        Double sigmaOne = sigma(one);
        Double sigmaOther = sigma(other);
        double difference = Math.abs(one.median() - other.median());
        if (sigmaOne == null || sigmaOther == null || difference == 0) {
            return null;
        }
        double variance = (sigmaOne * sigmaOne + sigmaOther * sigmaOther) / 2;
        return (int) Math.max(2, Math.ceil(FACTOR * variance / (difference * difference)));
    }

    /** The standard deviation a spread's range suggests; null below 2 runs. */
    private static Double sigma(Spread spread) {
        if (spread.count() < 2) {
            return null;
        }
        double meanRange = MEAN_RANGE[Math.min(spread.count(), MEAN_RANGE.length - 1)];
        return (spread.max() - spread.min()) / meanRange;
    }

    /** {@code ; a difference this size would need about 14 runs a cell to show}, or nothing where it cannot tell. */
    static String clause(Spread one, Spread other) {
        Integer runs = of(one, other);
        return runs == null ? "" : "; a difference this size would need about " + runs + " runs a cell to show at this "
                + "spread";
    }
}
