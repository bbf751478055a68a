package dev.streamsmustflow.recovery.report;

import java.util.List;

/** Where the runs ran, in each platform's own honest description (the local platform says it is not Kubernetes). */
final class MeasuredOn implements Finding {

    @Override
    public List<String> sentences(ReportContext report) {
        if (report.environment() == null) {
            return List.of();
        }
        return report.environment().platforms().stream().map(MeasuredOn::sentence).toList();
    }

    private static String sentence(Environment.PlatformInfo platform) {
        String description = platform.description() == null ? "platform " + platform.name() : platform.description();
        return "Measured on " + description + (description.endsWith(".") ? "" : ".");
    }
}
