package dev.streamsmustflow.recovery.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.streamsmustflow.recovery.deployment.descriptor.AppArtifacts;
import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A described app's pod gets its descriptor's environment, each placeholder filled for that pod. */
class DescribedPodEnvTest {

    private static final AppDescriptor WORD_COUNT = new AppDescriptor("word-count", new AppArtifacts("word-count.jar", null),
            "word-count", env("BOOTSTRAP", "${bootstrapServers}", "STATE", "${stateDir}/streams", "ID",
                    "${applicationId}", "INSTANCE", "${instanceId}", "GUARANTEE", "${processingGuarantee}",
                    "NAME", "${podName}", "SESSION", "6000", "TOPIC", "sentences"),
            List.of(), List.of(), null, null, null);

    @Test
    void aStatefulSetPodIsItsOwnStaticMemberWithItsVolumeAndTheRunsApplicationId() {
        DeploymentSpec spec = new DeploymentSpec("word-count", "run-7", Variant.STATEFUL_SET, 3,
                new DeploymentSpec.Topics("sentences", "word-counts", null),
                AppSettings.exactlyOnce().withProcessingGuarantee(ProcessingGuarantee.AT_LEAST_ONCE), WORD_COUNT);

        assertEquals(env("BOOTSTRAP", "localhost:9092", "STATE", "/volumes/data-word-count-1/streams", "ID", "run-7",
                "INSTANCE", "word-count-1", "GUARANTEE", "at_least_once", "NAME", "word-count-1", "SESSION", "6000",
                "TOPIC", "sentences"),
                spec.describedPodEnv("word-count-1", "localhost:9092", "/volumes/data-word-count-1"));
    }

    @Test
    void aDeploymentPodIsADynamicMemberAndTheRunsOwnVariablesWin() {
        DeploymentSpec spec = new DeploymentSpec("word-count", "run-8", Variant.DEPLOYMENT, 2,
                new DeploymentSpec.Topics("sentences", "word-counts", null),
                AppSettings.exactlyOnce().withEnv("SESSION", "9000").withEnv(PodManagementPolicy.SETTING, "Parallel"),
                WORD_COUNT);

        Map<String, String> env = spec.describedPodEnv("word-count-1a2b3", "kafka:9092", "/tmp/empty");

        assertEquals("", env.get("INSTANCE"));
        assertEquals("exactly_once_v2", env.get("GUARANTEE"));
        assertEquals("9000", env.get("SESSION"));
        assertEquals(null, env.get(PodManagementPolicy.SETTING), "a platform setting is not the app's: " + env);
    }

    @Test
    void theShippedAppHasNoDescribedEnvironment() {
        DeploymentSpec tradeStats = new DeploymentSpec(DeploymentSpec.APP_NAME, "run-9", Variant.DEPLOYMENT, 1,
                DeploymentSpec.Topics.prefixedWith("run-9"), AppSettings.exactlyOnce());

        assertThrows(IllegalStateException.class, () -> tradeStats.describedPodEnv("trade-stats-0", "kafka:9092", "/s"));
    }

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }
}
