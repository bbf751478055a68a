package dev.streamsmustflow.recovery.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import dev.streamsmustflow.recovery.deployment.descriptor.DescriptorReader;
import dev.streamsmustflow.recovery.history.RecoveryTimeline;
import dev.streamsmustflow.recovery.history.RecoveryTimeline.Restore;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.platform.container.AppImage;
import dev.streamsmustflow.recovery.platform.local.LocalPlatform;
import dev.streamsmustflow.recovery.platform.local.SharedLocalPlatform;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The short version of {@code ./compare --app examples/word-count/recovery-app.yaml}: the word count example, which
 * knows nothing of the harness, through the same scenario as trade-stats on the local platform: its input file
 * replayed, before the fault and at a steady rate through it, a Deployment pod killed, the replacement's restores
 * measured through the recovery agent, and the output judged by the differential check against the app's own
 * topology without faults.
 */
@ExtendWith(SharedLocalPlatform.class)
class DescribedScenarioIT {

    private static final Path RESULTS = Path.of("target", "recovery-results", "described");
    private static final int RATE = 200;

    @Test
    void theWordCountRecoversFromAPodKillWithEveryCountRightAndItsRestoresMeasuredThroughTheAgent(LocalPlatform platform) {
        AppDescriptor wordCount = DescriptorReader.read(Path.of(System.getProperty("word-count.descriptor")));
        WorkloadSpec workload = WorkloadSpec.small(WorkloadSpec.DEFAULT_SEED, WorkloadSpec.startingNow());
        ScenarioSpec spec = ScenarioSpec.of(platform.kind(), Variant.DEPLOYMENT, Fault.POD_KILL,
                        ProcessingGuarantee.EXACTLY_ONCE_V2, workload.eventTimeStart())
                .withId("described-word-count-pod-kill")
                .withTopology(2, ScenarioSpec.DEFAULT_PARTITIONS)
                // the example reads SESSION_TIMEOUT_MS: the killed pod's member is out of the group after 6 s
                .withSettings(AppSettings.exactlyOnce().withEnv("SESSION_TIMEOUT_MS", "6000"))
                .withWorkload(workload.withLoad(RATE, RecoveryScenarioSuite.SUITE_LOAD))
                .withDescribed(wordCount);

        RecoveryResult result = RecoveryScenario.run(platform, spec, RESULTS);

        String context = ScenarioEvidence.context(result);
        assertEquals(Validity.VALID, result.verdict().validity(),
                "differential check: " + result.verdict().summary() + " " + result.verdict().examples() + context);
        assertTrue(result.verdict().coverage().outputRecords() > 0, "the run's output was read" + context);
        assertEquals("word-count", result.setup().app(), context);
        assertEquals(ProcessingGuarantee.EXACTLY_ONCE_V2, result.setup().guarantee(), context);
        assertEquals(AppImage.APP_VERSION, result.evidence().appVersion(), "the version its jar declares" + context);
        RecoveryTimeline timeline = result.measurements().timeline();
        assertNotNull(timeline.processGone(), "the target's process never exited" + context);
        assertNotNull(timeline.replacementStarted(), "no replacement started" + context);
        assertNotNull(timeline.tasksAssigned(), "the agent reported no tasks for the replacement" + context);
        assertNotNull(timeline.ready(), "the agent never reported the replacement ready" + context);
        assertNotNull(timeline.caughtUp(), "never caught up" + context);
        assertFalse(timeline.restores().isEmpty(), "the agent reported no restore" + context);
        assertTrue(timeline.restores().stream().filter(Restore::loadedForRecovery).mapToLong(Restore::records).sum() > 0,
                "a new Deployment pod restored counts from the changelog: " + timeline.restores() + context);
    }
}
