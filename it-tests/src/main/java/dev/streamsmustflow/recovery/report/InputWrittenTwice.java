package dev.streamsmustflow.recovery.report;

import java.util.List;

/** Records the broker wrote twice into an input topic are input the app had to count twice, not its own over-count. */
final class InputWrittenTwice implements Finding {

    @Override
    public List<String> sentences(ReportContext report) {
        List<String> where = report.groups().stream().filter(group -> group.verdict().input().duplicates() > 0)
                .map(group -> report.label(group) + " (" + ReportFormat.count(group.verdict().input().duplicates()) + ")")
                .toList();
        if (where.isEmpty()) {
            return List.of();
        }
        return List.of("The broker wrote input records twice, which the oracle counted as input the app had to "
                + "process twice: " + String.join(", ", where) + ".");
    }
}
