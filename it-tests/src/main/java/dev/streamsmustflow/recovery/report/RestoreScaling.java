package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.Phase;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Restore time against state size: every result as a point (records restored, restore phase in ms)
 * and per platform and variant a least-squares line, expressed per million records so that a reader
 * can extrapolate to the state sizes that matter in production.
 */
public record RestoreScaling(List<Point> points, List<FittedLine> fits) {

    public record Point(PlatformKind platform, Variant variant, Fault fault, ProcessingGuarantee guarantee, String scenario,
            long records, long restoreMs) {
    }

    /**
     * restoreMs ≈ interceptMs + msPerMillionRecords × records / 1,000,000, fitted on {@code points}
     * points between {@code fromRecords} and {@code toRecords}.
     *
     * @param rSquared the share of the restore time's variance the line explains (1 = all points on it)
     */
    public record FittedLine(PlatformKind platform, Variant variant, int points, double msPerMillionRecords,
            double interceptMs, long fromRecords, long toRecords, double rSquared) {

        public double restoreMsAt(long records) {
            return interceptMs + msPerMillionRecords * records / 1_000_000.0;
        }
    }

    static RestoreScaling of(List<RecoveryResult> results) {
        List<Point> points = new ArrayList<>();
        for (RecoveryResult result : results) {
            Long restoreMs = result.phase(Phase.RESTORE);
            // A rolling restart's restore phase spans pods replaced one after the other: not one restore.
            if (restoreMs != null && result.setup().fault() != Fault.ROLLING_RESTART) {
                points.add(new Point(result.setup().platform(), result.setup().variant(), result.setup().fault(),
                        result.guarantee(), result.scenario(), result.measurements().recordsRestored(), restoreMs));
            }
        }
        Map<List<Object>, List<Point>> series = new LinkedHashMap<>();
        points.forEach(point -> series.computeIfAbsent(List.of(point.platform(), point.variant()), key -> new ArrayList<>())
                .add(point));
        List<FittedLine> fits = new ArrayList<>();
        series.values().forEach(ofSeries -> fit(ofSeries).ifPresent(fits::add));
        return new RestoreScaling(List.copyOf(points), List.copyOf(fits));
    }

    /**
     * The least-squares line; none when the points do not span at least {@link #MIN_SPAN} times as many records
     * restored from the fewest to the most: three runs of one state size differ by a few percent, and a line
     * through them is noise that reads like a measurement.
     */
    static final int MIN_SPAN = 2;

    static Optional<FittedLine> fit(List<Point> points) {
        int n = points.size();
        double meanX = points.stream().mapToDouble(Point::records).average().orElse(0);
        double meanY = points.stream().mapToDouble(Point::restoreMs).average().orElse(0);
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (Point point : points) {
            double dx = point.records() - meanX;
            double dy = point.restoreMs() - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        long fewest = points.stream().mapToLong(Point::records).min().orElse(0);
        long most = points.stream().mapToLong(Point::records).max().orElse(0);
        if (n < 2 || sxx == 0 || most < MIN_SPAN * fewest) {
            return Optional.empty();
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        // With every point at the same restore time the line explains them all.
        double rSquared = syy == 0 ? 1 : sxy * sxy / (sxx * syy);
        Point first = points.get(0);
        return Optional.of(new FittedLine(first.platform(), first.variant(), n, slope * 1_000_000, intercept,
                fewest, most, rSquared));
    }
}
