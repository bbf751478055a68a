package dev.streamsmustflow.recovery.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java front of {@code ./compare --app}: the command line it stands for, and a refusal as ./compare gives it. */
class RecoveryComparisonTest {

    private static final Path WORD_COUNT = Path.of("../examples/word-count/recovery-app.yaml");

    @Test
    void eachSettingBecomesTheOptionOfCompareThatSaysIt() {
        List<String> args = RecoveryComparison.of(WORD_COUNT)
                .on(PlatformKind.DOCKER)
                .variants(Variant.DEPLOYMENT)
                .faults(Fault.POD_KILL, Fault.POD_DELETE)
                .guarantees(ProcessingGuarantee.AT_LEAST_ONCE)
                .stateRecords(1_000, 5_000)
                .replicas(2)
                .repetitions(3)
                .ratePerSecond(200)
                .appEnv("SESSION_TIMEOUT_MS", "6000")
                .referenceRun()
                .arguments(Path.of("/out"));

        assertEquals(List.of("--app", WORD_COUNT.toString(), "--platform", "docker", "--variants", "DEPLOYMENT",
                "--faults", "POD_KILL,POD_DELETE", "--guarantees", "at_least_once", "--state-records", "1000,5000",
                "--repetitions", "3", "--output", "/out", "--replicas", "2", "--rate", "200", "--app-env",
                "SESSION_TIMEOUT_MS=6000", "--reference-run"), args);
    }

    @Test
    void theDefaultsAreBothVariantsUnderAKillAndADeleteExactlyOnceOnTheLocalPlatform() {
        List<String> args = RecoveryComparison.of(WORD_COUNT).ratePerSecond(100).arguments(Path.of("/out"));

        assertEquals(List.of("--app", WORD_COUNT.toString(), "--platform", "local", "--variants",
                "STATEFUL_SET,DEPLOYMENT", "--faults", "POD_KILL,POD_DELETE", "--guarantees", "exactly_once_v2",
                "--state-records", "1000", "--repetitions", "1", "--output", "/out", "--rate", "100"), args);
    }

    @Test
    void aComparisonCompareRefusesComesBackAsExitTwoWithItsLineAndNothingRun(@TempDir Path output) {
        ComparisonOutcome outcome = RecoveryComparison.of(WORD_COUNT).outputDirectory(output).run();

        assertEquals(2, outcome.exitCode(), outcome.describe());
        assertTrue(outcome.printed().contains("--rate (records a second) or --capacity with --app"), outcome.printed());
        assertEquals(List.of(), outcome.results());
        assertFalse(outcome.allValid(), "nothing ran: nothing is valid");
    }
}
