package dev.streamsmustflow.recovery.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The conclusion's sentences on how restore time grows with the records restored, from the fitted lines. */
final class RestoreCost implements Finding {

    private static final long MILLION = 1_000_000;
    /** Below this the line explains less than half of what the points do: say so. */
    private static final double LOOSE_FIT = 0.5;

    @Override
    public List<String> sentences(ReportContext report) {
        RestoreScaling scaling = report.scaling();
        boolean severalPlatforms = scaling.points().stream().map(RestoreScaling.Point::platform).distinct().count() > 1;
        List<String> sentences = new ArrayList<>();
        Set<List<Object>> fitted = new LinkedHashSet<>();
        for (RestoreScaling.FittedLine line : scaling.fits()) {
            fitted.add(List.of(line.platform(), line.variant()));
            sentences.add(describe(line, name(line.platform(), line.variant(), severalPlatforms)));
        }
        scaling.points().stream().map(point -> List.of(point.platform(), point.variant())).distinct()
                .filter(series -> !fitted.contains(series))
                .forEach(series -> sentences.add("Restore time of " + name(series.get(0), series.get(1), severalPlatforms)
                        + ": too few different state sizes to fit a line (the records restored must span a factor of "
                        + RestoreScaling.MIN_SPAN + ")."));
        if (scaling.fits().stream().anyMatch(line -> line.toRecords() < MILLION)) {
            long largest = scaling.fits().stream().mapToLong(RestoreScaling.FittedLine::toRecords).max().orElse(0);
            sentences.add("The lines are fitted on at most " + ReportFormat.count(largest) + " records restored:"
                    + " extrapolating to millions assumes that restore time stays linear in the state size.");
        }
        return sentences;
    }

    private static String describe(RestoreScaling.FittedLine line, String name) {
        String fit = line.points() + " runs, " + ReportFormat.count(line.fromRecords()) + " to "
                + ReportFormat.count(line.toRecords()) + " records restored, R² " + ReportFormat.decimal(line.rSquared(), 2)
                + (line.rSquared() < LOOSE_FIT ? ": the points scatter widely around the line" : "");
        String perMillion = ReportFormat.decimal(line.msPerMillionRecords(), 0) + " ms per million records";
        if (line.msPerMillionRecords() <= 0) {
            return "Restore time of " + name + " did not grow measurably with the records restored (" + perMillion + "; "
                    + fit + ").";
        }
        return "Restore time of " + name + " grows by about " + perMillion + ", plus "
                + ReportFormat.decimal(line.interceptMs(), 0) + " ms (" + fit + ").";
    }

    private static String name(Object platform, Object variant, boolean severalPlatforms) {
        return severalPlatforms ? variant + " on " + platform : String.valueOf(variant);
    }
}
