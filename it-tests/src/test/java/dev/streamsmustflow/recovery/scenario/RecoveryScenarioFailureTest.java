package dev.streamsmustflow.recovery.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.nemesis.UnsupportedFaultException;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a scenario does before and instead of running: refuse what the platform cannot do, and fail saying where to look. */
class RecoveryScenarioFailureTest {

    @TempDir
    Path results;

    private final List<String> asked = new ArrayList<>();

    @Test
    void aFaultThePlatformCannotDoIsRefusedBeforeAnythingIsCreated() {
        ScenarioSpec spec = ScenarioSpec.of(PlatformKind.CLUSTER, Variant.STATEFUL_SET, Fault.CONTAINER_KILL,
                ProcessingGuarantee.EXACTLY_ONCE_V2, 1_800_000_000_000L);

        UnsupportedFaultException refused = assertThrows(UnsupportedFaultException.class,
                () -> RecoveryScenario.run(platform(PlatformKind.CLUSTER, null), spec, results));

        assertTrue(refused.getMessage().contains("CONTAINER_KILL cannot run on platform cluster"), refused.getMessage());
        assertEquals(List.of(), asked, "no topic, no deployment");
    }

    @Test
    void aScenarioThatTimesOutNamesItsStepSeedAndHistory() throws Exception {
        ScenarioSpec spec = ScenarioSpec.of(PlatformKind.LOCAL, Variant.DEPLOYMENT, Fault.POD_KILL, ProcessingGuarantee.EXACTLY_ONCE_V2,
                1_800_000_000_000L);
        RuntimeException timeout = new ConditionTimeoutException("Condition with alias 'leaders' didn't complete within 60 seconds");

        ScenarioFailedException failure = assertThrows(ScenarioFailedException.class,
                () -> RecoveryScenario.run(platform(PlatformKind.LOCAL, timeout), spec, results));

        String message = failure.getMessage();
        assertTrue(message.startsWith("local-deployment-pod-kill-eos failed while creating topics: Condition with alias "
                + "'leaders' didn't complete within 60 seconds"), message);
        assertTrue(message.contains("seed 20261126, event time start 1800000000000"), message);
        assertTrue(message.contains("pod logs (none: nothing was deployed)"), message);
        Path history = results.resolve("local-deployment-pod-kill-eos.history.jsonl");
        assertTrue(message.contains("history " + history), message);
        assertTrue(Files.isRegularFile(history), "the history is written even when the scenario failed");
    }

    /** A platform that records what it is asked and fails topic creation with {@code failure}, if any. */
    private Platform platform(PlatformKind kind, RuntimeException failure) {
        return new Platform() {
            @Override
            public PlatformKind kind() {
                return kind;
            }

            @Override
            public String description() {
                return "a test's stand-in";
            }

            @Override
            public String bootstrapServers() {
                return "127.0.0.1:9";
            }

            @Override
            public Admin admin() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void createTopic(String name, int partitions, Map<String, String> configs) {
                asked.add("create topic " + name);
                if (failure != null) {
                    throw failure;
                }
            }

            @Override
            public DeployedApp deploy(DeploymentSpec spec, History history) {
                asked.add("deploy " + spec.applicationId());
                throw new UnsupportedOperationException("a test's stand-in deploys nothing");
            }

            @Override
            public void close() {
            }
        };
    }
}
