package dev.streamsmustflow.recovery.workload;

/**
 * How the input flows through a fault: at the workload's rate from before the fault until the app has caught up
 * after it and a settle time longer, without a pause (docs/harness.md#input-under-load).
 *
 * @param levelWindowMs how long the input flows before the fault for the lag it keeps at that rate to be measured:
 *     the pre-fault level that "caught up" returns to
 * @param settleMs how long the lag must stay at that level for the app to count as caught up; the input keeps
 *     flowing meanwhile
 * @param capacityPerSecond the app's steady processing rate measured on the same platform and settings, which the
 *     rate is a share of; null where the rate was given as a number
 * @param percentOfCapacity the rate as a percentage of {@code capacityPerSecond}; null where the rate was given
 * @param lagBudgetMs the lag budget the run is judged against: how long after the fault the lag may stay above its
 *     pre-fault level (the time the output of the hit partitions may fall behind) for the recovery to fit; null in
 *     results written before it was recorded
 */
public record SteadyLoad(long levelWindowMs, long settleMs, Double capacityPerSecond, Integer percentOfCapacity,
        Long lagBudgetMs) {

    /** The lag budget unless one is given: half a minute of output falling behind, an on-call page's usual bar. */
    public static final long DEFAULT_LAG_BUDGET_MS = 30_000;
    /** The suite's: 3 s to measure the level, 3 s to hold it. */
    public static final SteadyLoad DEFAULT = new SteadyLoad(3_000, 3_000, null, null, DEFAULT_LAG_BUDGET_MS);

    public SteadyLoad {
        if (levelWindowMs < 1_000 || settleMs < 1_000) {
            throw new IllegalArgumentException("the level window and the settle time must be at least 1 s, were "
                    + levelWindowMs + " and " + settleMs + " ms");
        }
        if ((capacityPerSecond == null) != (percentOfCapacity == null)) {
            throw new IllegalArgumentException("a capacity comes with the percentage of it the rate is, or neither");
        }
        if (lagBudgetMs != null && lagBudgetMs < 1) {
            throw new IllegalArgumentException("a lag budget must be at least 1 ms, was " + lagBudgetMs);
        }
    }

    /** The same load at {@code percent} of a measured capacity. */
    public SteadyLoad ofCapacity(double measuredPerSecond, int percent) {
        return new SteadyLoad(levelWindowMs, settleMs, measuredPerSecond, percent, lagBudgetMs);
    }

    /** The same load at a rate given as a number: no capacity. */
    public SteadyLoad withoutCapacity() {
        return new SteadyLoad(levelWindowMs, settleMs, null, null, lagBudgetMs);
    }

    /** The same load judged against a lag budget of {@code budgetMs}. */
    public SteadyLoad withLagBudget(long budgetMs) {
        return new SteadyLoad(levelWindowMs, settleMs, capacityPerSecond, percentOfCapacity, budgetMs);
    }
}
