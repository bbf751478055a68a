package dev.streamsmustflow.recovery.cli;

import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import dev.streamsmustflow.recovery.scenario.RecoveryScenario;
import dev.streamsmustflow.recovery.scenario.ScenarioSpec;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the scenarios of a plan one after the other on one platform, showing progress. A scenario
 * that fails to run is reported and the next one runs; its result is missing from the report.
 */
final class ComparisonRun {

    private static final Logger LOG = LoggerFactory.getLogger(ComparisonRun.class);

    private final ComparisonPlan plan;
    private final Path outputDir;
    private final PrintWriter out;

    ComparisonRun(ComparisonPlan plan, Path outputDir, PrintWriter out) {
        this.plan = plan;
        this.outputDir = outputDir;
        this.out = out;
    }

    /** @return 0 when every scenario ran and every exactly-once verdict is VALID, else the exit code to use */
    int execute() {
        List<ScenarioSpec> scenarios = plan.scenarios(WorkloadSpec.startingNow());
        ComparisonProgress progress = new ComparisonProgress(out, scenarios.size());
        out.printf("Comparing on %s: %d scenario(s); results in %s%n", plan.platform(), scenarios.size(), resultsDir());
        int exit = 0;
        Path runDir = outputDir.resolve("runs").resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try (Platform platform = Platforms.start(plan.platform(), runDir)) {
            for (ScenarioSpec scenario : scenarios) {
                progress.starting(scenario.id());
                try {
                    RecoveryResult result = RecoveryScenario.run(platform, scenario, resultsDir(), progress::phase);
                    progress.finished(result.verdict().summary() + "; time to caught-up "
                            + result.phasesMs().get("timeToCaughtUp") + " ms, " + result.recordsRestored() + " records restored");
                    if (result.verdict().validity() != Validity.VALID && result.verdict().guarantee().startsWith("exactly_once")) {
                        exit = Math.max(exit, RecoveryHarnessCommand.EXIT_FAILED_CHECK);
                    }
                } catch (RuntimeException e) {
                    LOG.error("{} could not run", scenario.id(), e);
                    progress.finished("could not run: " + e.getMessage());
                    exit = RecoveryHarnessCommand.EXIT_SCENARIO_ERROR;
                }
            }
        }
        return exit;
    }

    private Path resultsDir() {
        return outputDir.resolve("results");
    }
}
