package dev.streamsmustflow.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsmustflow.telemetry.TelemetryFormat;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's jar, as a user attaches it ({@code -javaagent:recovery-agent.jar=instance=NAME}), on an application
 * that knows nothing of it and runs on a class path with Kafka Streams and none of the agent's libraries: the
 * telemetry appears on stdout, and the application's own listener is still called, with the same transitions.
 */
class RecoveryAgentIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long EXIT_TIMEOUT_S = 60;

    @TempDir
    Path dir;

    @Test
    void reportsTheLifecycleOfAnApplicationThatKnowsNothingOfItAndKeepsItsListener() throws Exception {
        Run run = runDemo("instance=demo-0", Map.of());
        String context = " (exit " + run.exitCode + "; stdout " + run.stdout + "; stderr " + run.stderr + ")";

        assertEquals(0, run.exitCode, "the application exits as it would without the agent" + context);
        List<JsonNode> telemetry = telemetry(run.stdout);
        assertEquals(List.of("started", "state-change", "state-change", "stopped"),
                telemetry.stream().filter(line -> !line.get("event").asText().equals("memory"))
                        .map(line -> line.get("event").asText()).toList(), "the telemetry events" + context);
        assertTrue(telemetry.stream().allMatch(line -> line.get("instance").asText().equals("demo-0")), context);

        JsonNode started = telemetry.get(0);
        assertEquals("agent-demo", started.get("applicationId").asText(), context);
        assertEquals("localhost:1", started.get("bootstrapServers").asText(), context);
        assertEquals("exactly_once_v2", started.get("processingGuarantee").asText(), context);
        assertEquals("classic", started.get("groupProtocol").asText(), "Kafka Streams' default, as the app left it" + context);
        assertFalse(started.get("staticMembership").asBoolean(), context);
        assertEquals(0, started.get("standbyReplicas").asInt(), context);
        assertEquals(dir.resolve("state").toString(), started.get("stateDir").asText(), context);
        assertTrue(started.get("version").isNull(), "a version the agent does not know is null" + context);
        assertEquals(StreamsConfig.configDef().defaultValues().get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG),
                started.get("recordCacheBytes").asLong(), "Kafka Streams' default cache, as the app left it" + context);

        List<String> transitions = telemetry.stream().filter(line -> line.get("event").asText().equals("state-change"))
                .map(line -> line.get("from").asText() + "->" + line.get("to").asText()).toList();
        assertEquals(List.of("CREATED->PENDING_SHUTDOWN", "PENDING_SHUTDOWN->NOT_RUNNING"), transitions, context);
        List<String> applicationSaw = run.stdout.stream().filter(line -> line.startsWith(AgentDemoApplication.APPLICATION_LISTENER))
                .map(line -> line.substring(AgentDemoApplication.APPLICATION_LISTENER.length())).toList();
        assertEquals(transitions, applicationSaw, "the application's own listener saw every transition" + context);

        JsonNode stopped = telemetry.get(telemetry.size() - 1);
        assertTrue(stopped.get("clean").asBoolean(), context);
        assertEquals("NOT_RUNNING", stopped.get("finalState").asText(), context);
        assertTrue(stopped.get("closeMs").asLong() >= 0, context);
    }

    @Test
    void turnsTheRecordCacheOffWhenTheReferenceRunAsksAndChangesNothingElse() throws Exception {
        Run run = runDemo("instance=demo-0", Map.of("RECOVERY_AGENT_RECORD_CACHE", "off"));
        String context = " (exit " + run.exitCode + "; stdout " + run.stdout + "; stderr " + run.stderr + ")";

        assertEquals(0, run.exitCode, context);
        JsonNode started = telemetry(run.stdout).get(0);
        assertEquals("started", started.get("event").asText(), context);
        assertEquals(0, started.get("recordCacheBytes").asLong(), "the cache Kafka Streams was given" + context);
        assertEquals("exactly_once_v2", started.get("processingGuarantee").asText(), "the app's own setting" + context);
        assertEquals(dir.resolve("state").toString(), started.get("stateDir").asText(), context);
        assertTrue(run.stderr.stream().anyMatch(line -> line.contains("the record cache of this KafkaStreams is set to 0")),
                "the agent says so on stderr" + context);
    }

    @Test
    void aValueOfItsVariableOtherThanOffStopsTheJvmWithTheVariableNamed() throws Exception {
        Run run = runDemo("instance=demo-0", Map.of("RECOVERY_AGENT_RECORD_CACHE", "false"));

        assertTrue(run.exitCode != 0, "the JVM must not start with a mistyped setting: " + run.stdout);
        assertTrue(String.join("\n", run.stderr).contains("RECOVERY_AGENT_RECORD_CACHE must be 'off' or unset, was 'false'"),
                run.stderr.toString());
        assertTrue(telemetry(run.stdout).isEmpty(), "no application ran: " + run.stdout);
    }

    @Test
    void aTypoInItsArgumentStopsTheJvmWithTheKeyNamed() throws Exception {
        Run run = runDemo("instnace=demo-0", Map.of());

        assertTrue(run.exitCode != 0, "the JVM must not start with a mistyped agent argument: " + run.stdout);
        assertTrue(String.join("\n", run.stderr).contains("unknown argument 'instnace'"), run.stderr.toString());
        assertTrue(telemetry(run.stdout).isEmpty(), "no application ran: " + run.stdout);
    }

    private Run runDemo(String agentArgument, Map<String, String> environment) throws IOException, InterruptedException {
        String classpath = System.getProperty("application.classes") + File.pathSeparator
                + Files.readString(Path.of(System.getProperty("application.classpath"))).trim();
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + System.getProperty("recovery-agent.jar") + "=" + agentArgument,
                "-cp", classpath, AgentDemoApplication.class.getName(), dir.resolve("state").toString())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().remove("RECOVERY_AGENT_RECORD_CACHE");
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(EXIT_TIMEOUT_S, TimeUnit.SECONDS)) {
                throw new AssertionError("the application did not exit within " + EXIT_TIMEOUT_S + " s; stdout: "
                        + Files.readString(stdout) + " stderr: " + Files.readString(stderr));
            }
            return new Run(process.exitValue(), Files.readAllLines(stdout, StandardCharsets.UTF_8),
                    Files.readAllLines(stderr, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    private static List<JsonNode> telemetry(List<String> stdout) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout) {
            if (line.startsWith("{")) {
                JsonNode json = JSON.readTree(line);
                if (TelemetryFormat.SOURCE.equals(json.path("source").asText())) {
                    lines.add(json);
                }
            }
        }
        return lines;
    }

    private record Run(int exitCode, List<String> stdout, List<String> stderr) {
    }
}
