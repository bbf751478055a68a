package dev.streamsmustflow.recovery.workload;

/**
 * How a comparison sets the rate its input flows at through every fault: a number of records a second
 * ({@code ./compare --rate}), or a share of the app's capacity, its steady processing rate measured by the
 * benchmark on the same platform and settings ({@code --load-percent}, 50 by default). A rate means something
 * only against what the machine can do: 1,000 records a second is a tenth of one machine's capacity and all
 * of another's.
 *
 * @param fixedPerSecond the rate as given; null where it is a share of the capacity
 * @param percentOfCapacity the rate as a percentage of the measured capacity; null where it is given
 */
public record InputRate(Integer fixedPerSecond, Integer percentOfCapacity) {

    /** Half the capacity: enough load for a backlog to matter, enough headroom for it to drain. */
    public static final int DEFAULT_PERCENT = 50;
    /** At or above the capacity the lag grows without a fault: there is no level to recover to. */
    static final int MAX_PERCENT = 99;

    public InputRate {
        if ((fixedPerSecond == null) == (percentOfCapacity == null)) {
            throw new IllegalArgumentException("an input rate is either a number of records a second or a percentage "
                    + "of the capacity, was " + fixedPerSecond + " and " + percentOfCapacity + " %");
        }
        if (fixedPerSecond != null && fixedPerSecond < 1) {
            throw new IllegalArgumentException("the input rate must be at least 1 record a second, was " + fixedPerSecond);
        }
        if (percentOfCapacity != null && (percentOfCapacity < 1 || percentOfCapacity > MAX_PERCENT)) {
            throw new IllegalArgumentException("the load must be 1 to " + MAX_PERCENT + " % of the capacity (at 100 % "
                    + "the lag grows without a fault), was " + percentOfCapacity);
        }
    }

    public static InputRate fixed(int recordsPerSecond) {
        return new InputRate(recordsPerSecond, null);
    }

    public static InputRate ofCapacity(int percent) {
        return new InputRate(null, percent);
    }

    /** Whether the capacity must be measured (or given) before the rate is known. */
    public boolean needsCapacity() {
        return percentOfCapacity != null;
    }

    /**
     * {@code workload} with its input flowing at this rate; where it is a share, of {@code capacityPerSecond},
     * which the workload then records with the share.
     *
     * @param capacityPerSecond the measured capacity; ignored for a fixed rate
     */
    public WorkloadSpec applyTo(WorkloadSpec workload, Double capacityPerSecond) {
        SteadyLoad load = workload.load() != null ? workload.load() : SteadyLoad.DEFAULT;
        if (fixedPerSecond != null) {
            return workload.withLoad(fixedPerSecond, load.withoutCapacity());
        }
        if (capacityPerSecond == null || !(capacityPerSecond > 0)) {
            throw new IllegalArgumentException("a load of " + percentOfCapacity + " % needs a measured capacity above 0 "
                    + "records a second, was " + capacityPerSecond);
        }
        int rate = (int) Math.max(1, Math.round(capacityPerSecond * percentOfCapacity / 100));
        return workload.withLoad(rate, load.ofCapacity(capacityPerSecond, percentOfCapacity));
    }

    /** {@code 1,000 records/s} or {@code 50 % of the app's capacity}. */
    @Override
    public String toString() {
        return fixedPerSecond != null ? String.format("%,d records/s", fixedPerSecond)
                : percentOfCapacity + " % of the app's capacity";
    }
}
