package dev.streamsmustflow.recovery.cli;

import dev.streamsmustflow.recovery.benchmark.CapacityProbe;
import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.history.Phase;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import dev.streamsmustflow.recovery.scenario.ScenarioSpec;
import dev.streamsmustflow.recovery.scenario.SourceCommit;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
    private final PrintWriter err;
    private final PlatformLauncher launcher;
    private final ScenarioRunner runner;
    private final CapacityProbe.Measurement capacityMeasurement;

    ComparisonRun(ComparisonPlan plan, Path outputDir, PrintWriter out, PrintWriter err, PlatformLauncher launcher,
            ScenarioRunner runner, CapacityProbe.Measurement capacityMeasurement) {
        this.plan = plan;
        this.outputDir = outputDir;
        this.out = out;
        this.err = err;
        this.launcher = launcher;
        this.runner = runner;
        this.capacityMeasurement = capacityMeasurement;
    }

    /**
     * What a run did: its results, in the order they came, and its exit code, which says whether each scenario ran and
     * every exactly-once verdict is VALID.
     */
    record Outcome(ExitCode exit, List<RecoveryResult> results) {
    }

    /** Runs every scenario. */
    Outcome execute() {
        // the source as the run starts, before anyone commits or edits beside it, is what every result names
        SourceCommit.current();
        List<PlannedScenario> scenarios = plan.scenarios(WorkloadSpec.startingNow());
        out.printf("Comparing on %s: %d scenario(s)%s; the input flows through every fault %s; results in %s%n",
                plan.platform(), scenarios.size(), plan.stateReused() ? ", each hitting its state " + plan.repetitions()
                        + " times" : "", plan.describeRate(), resultsDir());
        out.flush();
        Path runDir = outputDir.resolve("runs").resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Platform platform;
        try {
            platform = launcher.start(plan.platform(), runDir);
        } catch (RuntimeException e) {
            LOG.error("the {} platform could not start", plan.platform(), e);
            err.println("compare: the " + plan.platform() + " platform could not start: " + e.getMessage());
            err.flush();
            return new Outcome(ExitCode.COULD_NOT_RUN, List.of());
        }
        ExitCode exit = ExitCode.DONE;
        List<RecoveryResult> all = new ArrayList<>();
        ComparisonProgress progress = new ComparisonProgress(out, scenarios.size());
        try (platform) {
            CapacityProbe capacity = new CapacityProbe(platform, plan.replicas(), plan.partitions(), plan.seed(),
                    plan.capacityPerSecond(), capacityMeasurement, progress::phase);
            for (PlannedScenario scenario : scenarios) {
                exit = exit.and(run(platform, scenario, capacity, progress, all));
            }
        }
        return new Outcome(exit, List.copyOf(all));
    }

    private ExitCode run(Platform platform, PlannedScenario planned, CapacityProbe capacity, ComparisonProgress progress,
            List<RecoveryResult> all) {
        progress.starting(planned.id());
        try {
            ScenarioSpec scenario = planned.resolve(capacity);
            List<RecoveryResult> results = runner.run(platform, scenario, resultsDir(), progress::phase);
            all.addAll(results);
            progress.finished(String.join("; ", results.stream().map(result -> (results.size() == 1 ? ""
                    : result.scenario() + ": ") + result.verdict().summary() + ", time to caught-up "
                    + result.phase(Phase.TIME_TO_CAUGHT_UP) + " ms, " + result.measurements().recordsRestored()
                    + " records restored").toList()));
            boolean wrong = results.stream().anyMatch(result -> result.verdict().validity() != Validity.VALID
                    && result.guarantee().exactlyOnce());
            return wrong ? ExitCode.FAILED_CHECK : ExitCode.DONE;
        } catch (RuntimeException e) {
            LOG.error("{} could not run", planned.id(), e);
            progress.finished("could not run: " + e.getMessage());
            return ExitCode.COULD_NOT_RUN;
        }
    }

    private Path resultsDir() {
        return outputDir.resolve("results");
    }
}
