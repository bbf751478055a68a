package dev.streamsmustflow.tradestats;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar as a user starts it: {@code java -jar app/target/trade-stats.jar}. */
class TradeStatsJarIT {

    private static final Path JAR = Path.of(System.getProperty("trade-stats.jar", "target/trade-stats.jar"));

    @TempDir
    Path workDir;

    @Test
    void withoutEnvironmentItNamesTheMissingBootstrapServersAndExitsTwo() throws Exception {
        Process process = start(Map.of());
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the jar did not exit; see " + workDir);
            assertEquals(2, process.exitValue(), "exit code; stderr in " + workDir.resolve("stderr.log"));
            assertEquals("invalid configuration: KAFKA_BOOTSTRAP_SERVERS: required but not set "
                    + "(host:port of at least one Kafka broker, comma-separated)\n", read("stderr.log"));
            assertEquals("", read("stdout.log"));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void sigtermClosesCleanlyAndExitsZero() throws Exception {
        Process process = start(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + unusedPort(),
                "HTTP_PORT", "0",
                "POD_NAME", "jar-test",
                "STATE_DIR", workDir.resolve("state").toString(),
                "SHUTDOWN_TIMEOUT_MS", "10000"));
        try {
            JsonNode started = await("the started event on stdout (" + workDir + ")")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> event("started"), Optional::isPresent).orElseThrow();
            int port = started.get("httpPort").asInt();
            assertEquals("jar-test", started.get("instance").asText());
            assertEquals(System.getProperty("project.version"), started.path("version").asText(null),
                    "the jar's build information names the project's version");
            await("/live answers 200").atMost(Duration.ofSeconds(30)).until(() -> status(port, "/live") == 200);
            assertEquals(503, status(port, "/ready"), "not ready without a reachable broker");

            process.destroy(); // SIGTERM

            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "no exit within 30 s of SIGTERM; logs in " + workDir);
            assertEquals(0, process.exitValue(), "exit code after SIGTERM; logs in " + workDir);
            String stdout = read("stdout.log");
            JsonNode stopped = event("stopped").orElseThrow(() -> new AssertionError("no stopped event: " + stdout));
            assertTrue(stopped.get("clean").asBoolean(), stopped.toString());
            assertEquals("NOT_RUNNING", stopped.get("finalState").asText());
        } finally {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void withoutTelemetryItRunsAndClosesWritingNothingOnStdout() throws Exception {
        int port = unusedPort();
        Process process = start(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + unusedPort(),
                "HTTP_PORT", Integer.toString(port),
                "TELEMETRY", "false",
                "STATE_DIR", workDir.resolve("state").toString(),
                "SHUTDOWN_TIMEOUT_MS", "10000"));
        try {
            await("/live answers 200 on port " + port + " (logs in " + workDir + ")").atMost(Duration.ofSeconds(60))
                    .until(() -> status(port, "/live") == 200);

            process.destroy(); // SIGTERM

            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "no exit within 30 s of SIGTERM; logs in " + workDir);
            assertEquals(0, process.exitValue(), "exit code after SIGTERM; logs in " + workDir);
            assertEquals("", read("stdout.log"), "no telemetry: the recovery agent writes it in such a run");
        } finally {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process start(Map<String, String> env) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toAbsolutePath().toString())
                .redirectOutput(workDir.resolve("stdout.log").toFile())
                .redirectError(workDir.resolve("stderr.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    private Optional<JsonNode> event(String name) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(workDir.resolve("stdout.log"), StandardCharsets.UTF_8)) {
            events.add(JsonSerde.MAPPER.readTree(line));
        }
        return events.stream().filter(event -> name.equals(event.get("event").asText())).findFirst();
    }

    private String read(String file) throws IOException {
        return Files.readString(workDir.resolve(file), StandardCharsets.UTF_8);
    }

    private static int status(int port, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
