package dev.streamsmustflow.recovery.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * How one measurement varied over the repetitions of a group: the median and the range, so a
 * reader sees at once whether a difference between two medians is larger than the noise.
 *
 * @param count how many repetitions had a value; fewer than the group's repetitions when a phase
 *     did not happen in some of them (the median then describes only those that had it)
 * @param median the middle value; for an even count the mean of the two middle values
 * @param p90 the 90th percentile by nearest rank: the smallest value that at least 90 % of the
 *     values do not exceed (the maximum below ten repetitions)
 */
public record Spread(int count, double median, long min, long max, long p90) {

    /** The spread of the values that are not null, or null when none is. */
    public static Spread of(Collection<Long> values) {
        List<Long> sorted = new ArrayList<>(values.stream().filter(Objects::nonNull).toList());
        if (sorted.isEmpty()) {
            return null;
        }
        sorted.sort(null);
        int n = sorted.size();
        double median = n % 2 == 1
                ? sorted.get(n / 2)
                : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        long p90 = sorted.get((int) Math.ceil(0.9 * n) - 1);
        return new Spread(n, median, sorted.get(0), sorted.get(n - 1), p90);
    }

    /** The median rounded to a whole number, for tables and sentences. */
    public long roundedMedian() {
        return Math.round(median);
    }
}
