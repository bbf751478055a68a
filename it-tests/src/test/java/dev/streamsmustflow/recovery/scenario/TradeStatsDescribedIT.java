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
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.history.RecoveryTimeline;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.platform.container.AppImage;
import dev.streamsmustflow.recovery.platform.local.LocalPlatform;
import dev.streamsmustflow.recovery.platform.local.SharedLocalPlatform;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * trade-stats run as any app is (app/recovery-app.yaml): its jar with the recovery agent writing its telemetry and
 * its own silenced ({@code TELEMETRY=false}), its input from its own generator class ({@code TradeInputGenerator},
 * made with the run's seed and event-time start), a Deployment pod killed while the input flows, the output judged
 * by the differential check against its own topology, and the phases measured from the agent's telemetry alone.
 */
@ExtendWith(SharedLocalPlatform.class)
class TradeStatsDescribedIT {

    private static final Path RESULTS = Path.of("target", "recovery-results", "trade-stats-described");
    private static final int RATE = 500;

    @Test
    void tradeStatsThroughItsDescriptorRecoversFromAPodKillWithEveryWindowRightMeasuredByTheAgent(LocalPlatform platform)
            throws Exception {
        AppDescriptor tradeStats = DescriptorReader.read(Path.of(System.getProperty("trade-stats.descriptor")));
        WorkloadSpec workload = WorkloadSpec.small(WorkloadSpec.DEFAULT_SEED, WorkloadSpec.startingNow());
        ScenarioSpec spec = ScenarioSpec.of(platform.kind(), Variant.DEPLOYMENT, Fault.POD_KILL,
                        ProcessingGuarantee.EXACTLY_ONCE_V2, workload.eventTimeStart())
                .withId("described-trade-stats-pod-kill")
                .withTopology(2, ScenarioSpec.DEFAULT_PARTITIONS)
                .withSettings(AppSettings.exactlyOnce())
                .withWorkload(workload.withStateOf(20_000).withLoad(RATE, RecoveryScenarioSuite.SUITE_LOAD))
                .withDescribed(tradeStats);

        RecoveryResult result = RecoveryScenario.run(platform, spec, RESULTS);

        String context = ScenarioEvidence.context(result) + " (seed " + workload.seed() + ", event time start "
                + workload.eventTimeStart() + ")";
        assertEquals(Validity.VALID, result.verdict().validity(),
                "differential check: " + result.verdict().summary() + " " + result.verdict().examples() + context);
        assertTrue(result.verdict().coverage().outputRecords() > 0, "the run's output was read" + context);
        assertEquals("trade-stats", result.setup().app(), context);
        assertEquals(AppImage.APP_VERSION, result.evidence().appVersion(), "its jar's version (the agent knows none)"
                + context);
        RecoveryTimeline timeline = result.measurements().timeline();
        assertNotNull(timeline.replacementStarted(), "no replacement started" + context);
        assertNotNull(timeline.tasksAssigned(), "the agent reported no tasks for the replacement" + context);
        assertNotNull(timeline.ready(), "the agent never reported the replacement ready" + context);
        assertNotNull(timeline.caughtUp(), "never caught up" + context);
        assertTrue(timeline.restores().stream().mapToLong(RecoveryTimeline.Restore::records).sum() > 0,
                "the replacement restored windows from the changelog: " + timeline.restores() + context);

        List<String> started = Files.readAllLines(Path.of(result.evidence().history())).stream()
                .filter(line -> line.contains("\"type\":\"started\"")).toList();
        assertEquals(3, started.size(), "one started event a process (two pods and the replacement), the agent's "
                + "alone: trade-stats writes none of its own with TELEMETRY=false: " + started + context);
        assertTrue(started.stream().allMatch(line -> line.contains("\"topology\":null")
                        && line.contains("\"recordCacheBytes\":10485760")),
                "the agent's started events (it knows no topology name; trade-stats' own say trade-stats), with Kafka "
                        + "Streams' default cache, which the run leaves as it is: " + started + context);
    }
}
