package com.example.wordcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import dev.streamsmustflow.recovery.testing.ComparisonOutcome;
import dev.streamsmustflow.recovery.testing.RecoveryComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The word count, as your build would check its own app: a StatefulSet and a Deployment, each with a pod killed
 * while the input flows, on the local platform (a real Kafka broker, the app's jar as pods). Every count must be
 * right after the recovery, and each replacement's restore must be measured.
 */
class WordCountRecoveryIT {

    @Test
    void everyCountIsRightAfterAPodKillAsAStatefulSetAndAsADeployment() {
        ComparisonOutcome outcome = RecoveryComparison.of(Path.of(System.getProperty("recovery.descriptor")))
                .faults(Fault.POD_KILL)
                .replicas(2)
                .ratePerSecond(200)
                .stateRecords(1_000)
                // the app reads its session timeout from its environment: a killed pod leaves the group after 6 s
                .appEnv("SESSION_TIMEOUT_MS", "6000")
                .outputDirectory(Path.of("target", "recovery"))
                .run();

        assertTrue(outcome.allValid(), outcome.describe());
        assertEquals(Set.of(Variant.STATEFUL_SET, Variant.DEPLOYMENT),
                outcome.results().stream().map(result -> result.setup().variant()).collect(Collectors.toSet()),
                outcome.describe());
        for (RecoveryResult result : outcome.results()) {
            assertTrue(result.measurements().timeline().caughtUp() != null,
                    result.setup().scenario() + " never caught up: " + outcome.describe());
        }
        assertTrue(Files.isRegularFile(outcome.report()), "no report at " + outcome.report());
    }
}
