package dev.streamsmustflow.recovery.testing;

import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a {@link RecoveryComparison} ran: {@code ./compare}'s exit code and output, and each run's result.
 *
 * @param exitCode 0 every run is done and no exactly-once verdict is worse than VALID; 1 one is; 2 a setting or the
 *     descriptor was refused (nothing ran); 3 the platform could not start or a run could not (what ran is kept)
 * @param printed what {@code ./compare} printed: progress, the conclusion, the report's paths, or the refusal
 * @param outputDirectory the results, the report ({@code index.html}, {@code report.md}) and the pods' logs
 * @param results every run's result, as {@code results/*.json} holds it
 */
public record ComparisonOutcome(int exitCode, String printed, Path outputDirectory, List<RecoveryResult> results) {

    public ComparisonOutcome {
        results = List.copyOf(results);
    }

    /** Whether every run ran and every verdict is VALID. */
    public boolean allValid() {
        return exitCode == 0 && !results.isEmpty()
                && results.stream().allMatch(result -> result.verdict().validity() == Validity.VALID);
    }

    /** The report's page, to open in a browser. */
    public Path report() {
        return outputDirectory.resolve("index.html");
    }

    /** One line a run, its verdict and how long it took to catch up, then what {@code ./compare} printed. */
    public String describe() {
        return "exit " + exitCode + ", report " + report() + "\n" + results.stream()
                .map(result -> result.setup().scenario() + ": " + result.verdict().validity() + " "
                        + result.verdict().summary())
                .collect(Collectors.joining("\n")) + "\n" + printed;
    }
}
