package dev.streamsmustflow.recovery.platform.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.AppVariable;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.AppEvent;
import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.scenario.ScenarioTopics;
import dev.streamsmustflow.recovery.scenario.StreamsGroupSettings;
import java.time.Duration;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@code group.protocol=streams} app on a real broker gets the session timeout, heartbeat interval and
 * standby replicas its pods ask for, as group settings: the broker's limits let the platform's 10 s.
 */
@ExtendWith(SharedLocalPlatform.class)
class StreamsGroupSettingsIT {

    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatform(LocalPlatform shared) {
        platform = shared;
    }

    @Test
    void aStreamsGroupGetsTheSessionTimeoutAndTheStandbysThePodsAskFor() throws Exception {
        AppSettings settings = AppSettings.forScenario(ProcessingGuarantee.EXACTLY_ONCE_V2, 10_000)
                .withEnv(AppVariable.GROUP_PROTOCOL, "streams")
                .withEnv(AppVariable.NUM_STANDBY_REPLICAS, "1");
        DeploymentSpec spec = new DeploymentSpec(DeploymentSpec.APP_NAME, "streams-group", Variant.DEPLOYMENT, 2,
                DeploymentSpec.Topics.prefixedWith("streams-group"), settings);
        ScenarioTopics.create(platform, spec.topics(), 2);

        StreamsGroupSettings.apply(platform.admin(), spec.applicationId(), settings);

        ConfigResource group = new ConfigResource(ConfigResource.Type.GROUP, spec.applicationId());
        Config config = platform.admin().describeConfigs(java.util.List.of(group)).all().get().get(group);
        assertEquals("10000", config.get("streams.session.timeout.ms").value());
        assertEquals("3333", config.get("streams.heartbeat.interval.ms").value());
        assertEquals("1", config.get("streams.num.standby.replicas").value());
        History history = new History();
        try (DeployedApp app = platform.deploy(spec, history)) {
            app.awaitReady(Duration.ofMinutes(2));
            await("a pod of the streams group reports a standby task (logs in " + app.logDirectory() + ")")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> history.select(event -> event.is(EventType.TASKS_ASSIGNED)
                            && !new AppEvent(event).standbyTasks().isEmpty()).size() > 0);
        }
    }
}
