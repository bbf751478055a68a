package dev.streamsmustflow.recovery.scenario;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.checker.ConsumerLag;
import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.local.LocalPlatform;
import dev.streamsmustflow.recovery.platform.local.SharedLocalPlatform;
import dev.streamsmustflow.recovery.workload.TradeInput;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The state build on a real broker and app: however much the record cache merges, the trades sent before
 * the fault fill the changelogs up to the records asked for.
 */
@ExtendWith(SharedLocalPlatform.class)
class StateBuilderIT {

    private static final long STATE_RECORDS = 30_000;
    private static final int PARTITIONS = 2;
    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatform(LocalPlatform shared) {
        platform = shared;
    }

    @Test
    void buildsUntilTheChangelogsHoldTheRecordsAskedFor() throws Exception {
        AppSettings settings = AppSettings.forScenario(ProcessingGuarantee.EXACTLY_ONCE_V2, 10_000);
        DeploymentSpec spec = new DeploymentSpec(DeploymentSpec.APP_NAME, "state-builder", Variant.DEPLOYMENT, 1,
                DeploymentSpec.Topics.prefixedWith("state-builder"), settings);
        ScenarioTopics.create(platform, spec.topics(), PARTITIONS);
        WorkloadSpec workload = WorkloadSpec.small(WorkloadSpec.DEFAULT_SEED, WorkloadSpec.startingNow())
                .withStateOf(STATE_RECORDS);
        ConsumerLag lag = new ConsumerLag(platform.admin(), spec.applicationId(), spec.topics().input(), PARTITIONS,
                settings.effectiveGroupProtocol());
        try (TradeInput input = new TradeInput(workload, settings.effectiveGraceMs(), platform.bootstrapServers(),
                spec.topics().input());
                DeployedApp app = platform.deploy(spec, new History())) {
            String context = " (seed " + workload.seed() + ", logs in " + app.logDirectory() + ")";
            int sent = new StateBuilder(platform.admin(), spec.applicationId(), step -> { })
                    .build(workload, input, () -> {
                        app.awaitReady(Duration.ofMinutes(2));
                        await("the app caught up with its input" + context).atMost(Duration.ofMinutes(2))
                                .until(() -> lag.total() == 0);
                    });

            assertEquals(input.sent(), sent, "the build reports the records it sent" + context);
            long endOffsets = ChangelogState.endOffsets(platform.admin(), spec.applicationId());
            assertTrue(endOffsets >= STATE_RECORDS, "the changelogs hold " + endOffsets + " records after " + sent
                    + " trades, fewer than the " + STATE_RECORDS + " asked for" + context);
        }

        ScenarioTopics.delete(platform.admin(), spec.applicationId(), spec.topics());
        await("once the scenario is over its topics, Kafka Streams' own among them, are gone")
                .atMost(Duration.ofSeconds(30))
                .until(() -> platform.admin().listTopics().names().get().stream()
                        .filter(name -> name.startsWith("state-builder")).collect(Collectors.toSet()), Set::isEmpty);
    }
}
