package dev.streamsmustflow.tradestats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamsmustflow.telemetry.instance.InstanceStatus;
import dev.streamsmustflow.telemetry.instance.RestoreTelemetry;
import dev.streamsmustflow.telemetry.instance.TelemetryLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.processor.StandbyUpdateListener.SuspendReason;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the telemetry the way Kafka Streams does (state listener, restore and standby listeners,
 * task assignments) and checks what a user of {@code /ready}, {@code /live}, {@code /status} and the
 * JSON lines on stdout sees.
 */
class TelemetryEndpointsTest {

    private static final TopicPartition CHANGELOG_0 = new TopicPartition("trade-stats-trade-aggregates-changelog", 0);
    private static final TopicPartition CHANGELOG_1 = new TopicPartition("trade-stats-trade-aggregates-changelog", 1);
    private static final String STORE = "trade-aggregates";

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private RestoreTelemetry restores;
    private InstanceStatus status;
    private HealthServer server;

    @BeforeEach
    void start() throws IOException {
        TelemetryLog log = new TelemetryLog("trade-stats-0", new PrintStream(stdout, true, StandardCharsets.UTF_8), clock);
        restores = new RestoreTelemetry(log);
        status = new InstanceStatus(log, restores, new ProcessingCounters()::statusFields);
        server = HealthServer.start(0, status);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readyOnlyWhenRunningWithTasksAndNothingRestoring() throws Exception {
        assertEquals(503, get("/ready").statusCode());
        status.stateChanged(State.REBALANCING, State.CREATED);
        assertReady(false, "state is REBALANCING");

        // As with group.protocol=streams: RUNNING before any task is assigned.
        status.stateChanged(State.RUNNING, State.REBALANCING);
        assertReady(false, "no tasks assigned");

        status.tasksChanged(Set.of("0_0", "0_1"), Set.of());
        restores.onRestoreStart(CHANGELOG_0, STORE, 100, 1_100);
        assertReady(false, "restoring 1 store partition(s)");

        clock.advance(Duration.ofMillis(250));
        restores.onBatchRestored(CHANGELOG_0, STORE, 700, 600);
        restores.onBatchRestored(CHANGELOG_0, STORE, 1_100, 400);
        restores.onRestoreEnd(CHANGELOG_0, STORE, 1_000);
        assertReady(true, "running 2 active task(s), nothing restoring");

        JsonNode restoreEnd = json(get("/status")).get("restores").get(1);
        assertEquals("restore-end", restoreEnd.get("event").asText());
        assertEquals(STORE, restoreEnd.get("store").asText());
        assertEquals(CHANGELOG_0.topic(), restoreEnd.get("topic").asText());
        assertEquals(0, restoreEnd.get("partition").asInt());
        assertEquals(100, restoreEnd.get("startOffset").asLong());
        assertEquals(1_100, restoreEnd.get("endOffset").asLong());
        assertEquals(1_000, restoreEnd.get("recordsRestored").asLong());
        assertEquals(250, restoreEnd.get("durationMs").asLong());
    }

    @Test
    void readyWithStandbyTasksOnlyAsANewInstanceWarmingUp() throws Exception {
        status.stateChanged(State.RUNNING, State.REBALANCING);
        status.tasksChanged(Set.of(), Set.of("0_1", "0_4"));
        assertEquals(200, get("/ready").statusCode());
        assertTrue(json(get("/ready")).get("reason").asText().startsWith("running 2 standby task(s) only"));

        // a standby does not make a restoring active task ready
        status.tasksChanged(Set.of("0_2"), Set.of("0_1", "0_4"));
        restores.onRestoreStart(CHANGELOG_0, STORE, 0, 500);
        assertReady(false, "restoring 1 store partition(s)");
    }

    @Test
    void everyEventIsOneJsonLineOnStdout() throws Exception {
        status.stateChanged(State.REBALANCING, State.CREATED);
        status.stateChanged(State.RUNNING, State.REBALANCING);
        status.tasksChanged(Set.of("0_1"), Set.of("0_0"));
        status.tasksChanged(Set.of("0_1"), Set.of("0_0")); // unchanged: no event
        restores.onRestoreStart(CHANGELOG_1, STORE, 0, 10);
        restores.onRestoreEnd(CHANGELOG_1, STORE, 10);

        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JsonSerde.MAPPER.readTree(line));
        }
        List<String> events = lines.stream().map(line -> line.get("event").asText()).toList();
        assertEquals(List.of("state-change", "state-change", "tasks-assigned", "readiness", "restore-start", "readiness",
                "restore-end", "readiness"), events);
        for (JsonNode line : lines) {
            assertEquals("recovery-telemetry", line.get("source").asText(), line.toString());
            assertEquals("trade-stats-0", line.get("instance").asText(), line.toString());
            assertEquals(clock.millis(), line.get("time").asLong(), line.toString());
        }
        assertEquals("[\"0_1\"]", lines.get(2).get("active").toString());
        assertEquals("[\"0_0\"]", lines.get(2).get("standby").toString());
        assertEquals(List.of(true, false, true), List.of(lines.get(3).get("ready").asBoolean(),
                lines.get(5).get("ready").asBoolean(), lines.get(7).get("ready").asBoolean()));
        assertEquals("restoring 1 store partition(s)", lines.get(5).get("reason").asText());
    }

    @Test
    void standbyUpdatesAppearInTheStatus() throws Exception {
        restores.onUpdateStart(CHANGELOG_1, STORE, 40);
        clock.advance(Duration.ofMillis(1_500));
        restores.onBatchLoaded(CHANGELOG_1, STORE, new TaskId(0, 1), 90, 50, 120);
        restores.onBatchLoaded(CHANGELOG_1, STORE, new TaskId(0, 1), 120, 30, 120);
        restores.onUpdateSuspended(CHANGELOG_1, STORE, 120, 120, SuspendReason.PROMOTED);

        JsonNode updates = json(get("/status")).get("standbyUpdates");
        assertEquals(2, updates.size());
        JsonNode suspended = updates.get(1);
        assertEquals("standby-update-suspended", suspended.get("event").asText());
        assertEquals(40, suspended.get("startOffset").asLong());
        assertEquals(120, suspended.get("storeOffset").asLong());
        assertEquals(80, suspended.get("recordsLoaded").asLong());
        assertEquals(1_500, suspended.get("durationMs").asLong());
        assertEquals("PROMOTED", suspended.get("reason").asText());
    }

    /** An end whose start the listener never reported: what is not known is null, never -1 or 0. */
    @Test
    void whatTheAppDoesNotKnowIsNullNotANumber() throws Exception {
        restores.onUpdateStart(CHANGELOG_0, STORE, 40);
        restores.onRestoreEnd(CHANGELOG_1, STORE, 10);
        restores.onUpdateSuspended(CHANGELOG_1, STORE, 120, 120, SuspendReason.MIGRATED);

        JsonNode status = json(get("/status"));
        JsonNode updateStart = status.get("standbyUpdates").get(0);
        assertTrue(updateStart.get("endOffset").isNull(), updateStart.toString());
        JsonNode restoreEnd = status.get("restores").get(0);
        assertTrue(restoreEnd.get("startOffset").isNull() && restoreEnd.get("endOffset").isNull()
                && restoreEnd.get("durationMs").isNull(), restoreEnd.toString());
        assertEquals(10, restoreEnd.get("recordsRestored").asLong());
        JsonNode suspended = status.get("standbyUpdates").get(1);
        assertTrue(suspended.get("startOffset").isNull() && suspended.get("recordsLoaded").isNull()
                && suspended.get("durationMs").isNull(), suspended.toString());
        assertEquals(120, suspended.get("storeOffset").asLong());
    }

    @Test
    void liveUntilKafkaStreamsFails() throws Exception {
        status.stateChanged(State.REBALANCING, State.CREATED);
        assertEquals(200, get("/live").statusCode());

        status.stateChanged(State.PENDING_ERROR, State.REBALANCING);

        HttpResponse<String> live = get("/live");
        assertEquals(503, live.statusCode());
        assertEquals("PENDING_ERROR", json(live).get("state").asText());
    }

    @Test
    void statusReportsTheInstanceAndCounters() throws Exception {
        JsonNode document = json(get("/status"));

        assertEquals("trade-stats-0", document.get("instance").asText());
        assertEquals("CREATED", document.get("state").asText());
        assertEquals(0, document.get("recordsProcessed").asLong());
        assertEquals(0, document.get("recordsDeadLettered").asLong());
        assertEquals(404, get("/status/extra").statusCode());
    }

    private void assertReady(boolean ready, String reason) throws Exception {
        HttpResponse<String> response = get("/ready");
        assertEquals(ready ? 200 : 503, response.statusCode(), response.body());
        assertEquals(reason, json(response).get("reason").asText());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JsonSerde.MAPPER.readTree(response.body());
    }
}
