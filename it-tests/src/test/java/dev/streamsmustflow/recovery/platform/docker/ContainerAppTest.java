package dev.streamsmustflow.recovery.platform.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.deployment.descriptor.AppArtifacts;
import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a pod's container is given: trade-stats its broker and state path, a described app its own env and the agent. */
class ContainerAppTest {

    private static final Path AGENT = Path.of("/build/agent/target/recovery-agent.jar");

    @Test
    void tradeStatsGetsTheBrokerAndTheStatePathOverTheControllersSettings() {
        ContainerApp app = ContainerApp.tradeStats("streams-must-flow/trade-stats:1");

        Map<String, String> env = app.env("trade-stats-0", Map.of("COMMIT_INTERVAL_MS", "100"), "kafka:19092", "/state");

        assertEquals(Map.of("COMMIT_INTERVAL_MS", "100", "KAFKA_BOOTSTRAP_SERVERS", "kafka:19092", "STATE_DIR", "/state"),
                env);
        assertEquals(List.of(), app.mounts());
    }

    @Test
    void aDescribedAppGetsItsOwnEnvironmentAndTheAgentAfterItsOwnJvmOptions() {
        ContainerApp app = ContainerApp.described(spec(Map.of("BOOTSTRAP", "${bootstrapServers}", "STATE", "${stateDir}",
                "JAVA_TOOL_OPTIONS", "-Xss512k")), "example/word-count:2", AGENT);

        Map<String, String> env = app.env("word-count-0", Map.of("COMMIT_INTERVAL_MS", "100"), "kafka:19092", "/state");

        assertEquals(Map.of("BOOTSTRAP", "kafka:19092", "STATE", "/state/streams-state", "JAVA_TOOL_OPTIONS",
                "-Xss512k -javaagent:/opt/streams-must-flow/recovery-agent.jar=instance=word-count-0"), env,
                "the controller's settings are trade-stats' variables, not the app's");
        assertEquals("example/word-count:2", app.image());
        assertEquals("/state/streams-state", app.ownedStateDirectory().orElseThrow().under("/state"),
                "a directory the harness makes the pod's user's: the volume's root is root's in an image without it");
    }

    @Test
    void aDescribedAppWithoutJvmOptionsGetsTheAgentAloneMountedReadOnly() {
        ContainerApp app = ContainerApp.described(spec(Map.of("BOOTSTRAP", "${bootstrapServers}")), "wc:2", AGENT);

        assertEquals("-javaagent:/opt/streams-must-flow/recovery-agent.jar=instance=word-count-1",
                app.env("word-count-1", Map.of(), "kafka:19092", "/state").get("JAVA_TOOL_OPTIONS"));
        Bind agent = app.mounts().get(0);
        assertEquals(AGENT.toString(), agent.getPath());
        assertEquals("/opt/streams-must-flow/recovery-agent.jar", agent.getVolume().getPath());
        assertEquals(AccessMode.ro, agent.getAccessMode());
    }

    private static DeploymentSpec spec(Map<String, String> env) {
        AppDescriptor descriptor = new AppDescriptor("word-count", new AppArtifacts(null, "wc:2"), "word-count", env,
                List.of(), List.of(), null, null, null);
        return new DeploymentSpec("word-count", "run-1", Variant.DEPLOYMENT, 2,
                new DeploymentSpec.Topics("sentences", "word-counts", null), AppSettings.exactlyOnce(), descriptor);
    }
}
