package dev.streamsmustflow.recovery.cli;

import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import dev.streamsmustflow.recovery.scenario.RecoveryScenario;
import dev.streamsmustflow.recovery.scenario.ScenarioSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Runs one scenario and writes its results (one for each time its fault hits); {@link RecoveryScenario} does it for real. */
@FunctionalInterface
interface ScenarioRunner {

    ScenarioRunner REAL = RecoveryScenario::runAll;

    List<RecoveryResult> run(Platform platform, ScenarioSpec spec, Path resultsDir, Consumer<String> progress);
}
