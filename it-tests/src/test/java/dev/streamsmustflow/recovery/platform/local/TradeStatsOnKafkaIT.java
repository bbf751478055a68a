package dev.streamsmustflow.recovery.platform.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsmustflow.recovery.checker.CommittedJsonTopic;
import dev.streamsmustflow.recovery.checker.InputReader;
import dev.streamsmustflow.recovery.checker.InputRecord;
import dev.streamsmustflow.recovery.checker.Observed;
import dev.streamsmustflow.recovery.checker.Oracle;
import dev.streamsmustflow.recovery.checker.TopicReader;
import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.checker.Verdict;
import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.AppEvent;
import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.history.ResumePoints;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.scenario.ChangelogState;
import dev.streamsmustflow.recovery.workload.SentRecords;
import dev.streamsmustflow.recovery.workload.TradeGenerator;
import dev.streamsmustflow.recovery.workload.WorkloadProducer;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application against a real broker, as an operator sees it: /ready, /status, the dead-letter
 * topic, and a fatal error ending the process non-zero so that the platform restarts it.
 */
@ExtendWith(SharedLocalPlatform.class)
class TradeStatsOnKafkaIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatform(LocalPlatform shared) {
        platform = shared;
    }

    /** Malformed records sent by hand, one of each shape, by key. */
    private static final Map<String, String> RAW_MALFORMED = Map.of("S0000", "{not json",
            "S0001", "{\"symbol\":\"S0001\",\"priceCents\":0,\"quantity\":1,\"eventTime\":1}",
            "S0002", "{\"symbol\":\"S0003\",\"priceCents\":5,\"quantity\":1,\"eventTime\":1}");

    @Test
    void anInstanceProcessesTradesDeadLettersBadOnesAndReportsItself() throws Exception {
        History history = new History();
        DeploymentSpec spec = new DeploymentSpec(DeploymentSpec.APP_NAME, "operator-view", Variant.STATEFUL_SET, 1,
                DeploymentSpec.Topics.prefixedWith("operator-view"), AppSettings.exactlyOnce());
        platform.createTopic(spec.topics().input(), 2, Map.of());
        platform.createTopic(spec.topics().output(), 2, Map.of());
        platform.createTopic(spec.topics().deadLetter(), 1, Map.of());
        // 100 trades, on time, none malformed: the malformed ones are sent raw below, each of a known shape
        WorkloadSpec workload = new WorkloadSpec(7L, 5, WorkloadSpec.startingNow(), 100, 100, 1, 0, 0.0, 0, null);
        TradeGenerator generator = new TradeGenerator(workload, AppSettings.DEFAULT_GRACE_MS);
        SentRecords sent;
        try (DeployedApp app = platform.deploy(spec, history);
                WorkloadProducer producer = new WorkloadProducer(platform.bootstrapServers(), spec.topics().input())) {
            producer.sendAll(generator.take(100));
            sent = producer.sent();
            sendRaw(spec.topics().input(), RAW_MALFORMED);

            app.awaitReady(Duration.ofMinutes(2));
            int port = httpPort(history);
            assertEquals(200, get(port, "/ready").statusCode(), "logs in " + app.logDirectory());
            await("/status counts 100 processed and 3 dead-lettered records (logs in " + app.logDirectory() + ")")
                    .atMost(Duration.ofMinutes(1))
                    .untilAsserted(() -> {
                        JsonNode status = JSON.readTree(get(port, "/status").body());
                        assertEquals(100, status.get("recordsProcessed").asLong(), status.toString());
                        assertEquals(3, status.get("recordsDeadLettered").asLong(), status.toString());
                        assertEquals("RUNNING", status.get("state").asText());
                        assertEquals(2, status.get("activeTasks").size(), status.toString());
                        assertTrue(status.get("ready").asBoolean());
                    });
        }
        List<String> reasons = readAll(spec.topics().deadLetter()).stream()
                .map(value -> value.get("reason").asText()).sorted().toList();
        assertEquals(3, reasons.size());
        assertTrue(reasons.get(0).startsWith("key 'S0002' is not the symbol 'S0003'"), reasons.toString());
        assertTrue(reasons.get(1).startsWith("not valid JSON"), reasons.toString());
        assertEquals("priceCents must be positive, was 0", reasons.get(2));
        // the dead letters of the raw records are checked above, by their reasons; the oracle checks the workload's
        List<InputRecord> workloadInput = InputReader.readAll(platform.bootstrapServers(), spec.topics().input(),
                Duration.ofMinutes(1)).stream().filter(record -> !RAW_MALFORMED.containsValue(record.value())).toList();
        assertEquals(100, workloadInput.size(), "the workload's records in the input topic");
        Observed observed = new Observed(workloadInput, CommittedJsonTopic.OUTPUT.readAll(platform.bootstrapServers(), spec.topics().output(),
                Duration.ofMinutes(1)), List.of(), ResumePoints.of(history));
        Verdict verdict = Oracle.check(sent, observed, ProcessingGuarantee.EXACTLY_ONCE_V2, AppSettings.DEFAULT_GRACE_MS);
        assertEquals(Validity.VALID, verdict.validity(), verdict.summary() + " " + verdict.examples());
        // each trade updates five windows: 100 trades leave at most 500 changelog records, and a window at least one
        ChangelogState state = ChangelogState.read(platform.admin(), platform.bootstrapServers(), spec.applicationId(),
                Duration.ofMinutes(1));
        assertTrue(state.records() >= 5 && state.records() <= 500 && state.bytes() > state.records(), state.toString());
        assertEquals(2, state.partitions(), "one changelog partition per input partition: " + state);
    }

    @Test
    void aFatalErrorEndsTheProcessNonZeroAndThePlatformRestartsIt() {
        History history = new History();
        DeploymentSpec spec = new DeploymentSpec(DeploymentSpec.APP_NAME, "no-input-topic", Variant.STATEFUL_SET, 1,
                DeploymentSpec.Topics.prefixedWith("no-input-topic"), AppSettings.exactlyOnce());
        try (DeployedApp app = platform.deploy(spec, history)) {
            await("the app exits after a fatal error and its container is restarted (logs in " + app.logDirectory() + ")")
                    .atMost(Duration.ofMinutes(2))
                    .until(() -> app.pods().get(0).restarts() >= 1);
        }
        List<HistoryEvent> exits = history.select(event -> event.is(EventType.CONTAINER_EXITED));
        assertEquals(1L, exits.get(0).longField("exitCode"), "exit code of the first container: " + exits);
        assertFalse(history.select(event -> event.is(EventType.FATAL_ERROR)).isEmpty(),
                "a fatal-error telemetry event before the exit: " + history.events());
    }

    private static int httpPort(History history) {
        return new AppEvent(history.select(event -> event.is(EventType.STARTED)).get(0)).httpPort();
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void sendRaw(String topic, Map<String, String> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            records.forEach((key, value) -> producer.send(new ProducerRecord<>(topic, key, value)));
        }
    }

    /** Everything committed on the topic; called after the app closed cleanly, so every transaction is over. */
    private static List<JsonNode> readAll(String topic) {
        return TopicReader.readToEnd(platform.bootstrapServers(), topic, IsolationLevel.READ_COMMITTED, Duration.ofMinutes(1))
                .stream().map(record -> {
                    try {
                        return JSON.readTree(record.value());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
    }
}
