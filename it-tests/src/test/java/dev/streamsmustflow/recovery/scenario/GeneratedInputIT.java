package dev.streamsmustflow.recovery.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import dev.streamsmustflow.recovery.deployment.descriptor.DescriptorReader;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.platform.local.LocalPlatform;
import dev.streamsmustflow.recovery.platform.local.SharedLocalPlatform;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A described app whose input comes from its generator class (examples/word-count/recovery-app-generated.yaml:
 * SentenceGenerator, in the app's own jar, made with the run's seed) through a pod kill: the scenario builds state and
 * feeds the fault from the generator, and the differential check drives the app's topology with what was sent.
 */
@ExtendWith(SharedLocalPlatform.class)
class GeneratedInputIT {

    private static final Path RESULTS = Path.of("target", "recovery-results", "generated");
    private static final int RATE = 200;

    @Test
    void theWordCountFedByItsGeneratorRecoversFromAPodKillWithEveryCountRight(LocalPlatform platform) {
        AppDescriptor generated = DescriptorReader.read(Path.of(System.getProperty("word-count-generated.descriptor")));
        assertNotNull(generated.inputs().get(0).source().generator(), "the descriptor names a generator, not a file");
        WorkloadSpec workload = WorkloadSpec.small(WorkloadSpec.DEFAULT_SEED, WorkloadSpec.startingNow());
        ScenarioSpec spec = ScenarioSpec.of(platform.kind(), Variant.DEPLOYMENT, Fault.POD_KILL,
                        ProcessingGuarantee.EXACTLY_ONCE_V2, workload.eventTimeStart())
                .withId("generated-word-count-pod-kill")
                .withTopology(2, ScenarioSpec.DEFAULT_PARTITIONS)
                .withSettings(AppSettings.exactlyOnce().withEnv("SESSION_TIMEOUT_MS", "6000"))
                .withWorkload(workload.withLoad(RATE, RecoveryScenarioSuite.SUITE_LOAD))
                .withDescribed(generated);

        RecoveryResult result = RecoveryScenario.run(platform, spec, RESULTS);

        String context = ScenarioEvidence.context(result) + " (seed " + workload.seed() + ")";
        assertEquals(Validity.VALID, result.verdict().validity(),
                "differential check: " + result.verdict().summary() + " " + result.verdict().examples() + context);
        assertTrue(result.verdict().coverage().outputRecords() > 0, "the run's output was read" + context);
        assertTrue(result.setup().workload().tradesBefore() > 0,
                "the generator's records built the state before the fault: " + result.setup().workload() + context);
        assertNotNull(result.measurements().timeline().caughtUp(), "never caught up" + context);
    }
}
