package dev.streamsmustflow.recovery.platform.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsmustflow.recovery.checker.Oracle;
import dev.streamsmustflow.recovery.checker.OutputReader;
import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.checker.Verdict;
import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.scenario.RunDirectory;
import dev.streamsmustflow.recovery.workload.GeneratedTrade;
import dev.streamsmustflow.recovery.workload.SentTrades;
import dev.streamsmustflow.recovery.workload.TradeGenerator;
import dev.streamsmustflow.recovery.workload.WorkloadProducer;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application against a real broker, as an operator sees it: /ready, /status, the dead-letter
 * topic, and a fatal error ending the process non-zero so that the platform restarts it.
 */
class TradeStatsOnKafkaIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = LocalPlatform.start(RunDirectory.create("trade-stats-on-kafka"));
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void anInstanceProcessesTradesDeadLettersBadOnesAndReportsItself() throws Exception {
        History history = new History();
        DeploymentSpec spec = new DeploymentSpec("trade-stats", "operator-view", Variant.STATEFUL_SET, 1,
                "operator-view-trades", "operator-view-stats", "operator-view-dead-letter", AppSettings.exactlyOnce());
        platform.createTopic(spec.inputTopic(), 2, Map.of());
        platform.createTopic(spec.outputTopic(), 2, Map.of());
        platform.createTopic(spec.deadLetterTopic(), 1, Map.of());
        TradeGenerator generator = new TradeGenerator(7L, 5, WorkloadSpec.startingNow(), 100);
        SentTrades sent;
        try (DeployedApp app = platform.deploy(spec, history);
                WorkloadProducer producer = new WorkloadProducer(platform.bootstrapServers(), spec.inputTopic())) {
            List<GeneratedTrade> trades = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                trades.add(generator.next());
            }
            producer.sendAll(trades);
            sent = producer.sent();
            sendRaw(spec.inputTopic(), Map.of("S0000", "{not json", "S0001", "{\"symbol\":\"S0001\",\"priceCents\":0,"
                    + "\"quantity\":1,\"eventTime\":1}", "S0002", "{\"symbol\":\"S0003\",\"priceCents\":5,\"quantity\":1,\"eventTime\":1}"));

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
        List<String> reasons = readAll(spec.deadLetterTopic(), 3).stream()
                .map(value -> value.get("reason").asText()).sorted().toList();
        assertEquals(3, reasons.size());
        assertTrue(reasons.get(0).startsWith("key 'S0002' is not the symbol 'S0003'"), reasons.toString());
        assertTrue(reasons.get(1).startsWith("not valid JSON"), reasons.toString());
        assertEquals("priceCents must be positive, was 0", reasons.get(2));
        Verdict verdict = Oracle.check(sent, OutputReader.readAll(platform.bootstrapServers(), spec.outputTopic(),
                Duration.ofMinutes(1)), "exactly_once_v2");
        assertEquals(Validity.VALID, verdict.validity(), verdict.summary() + " " + verdict.examples());
    }

    @Test
    void aFatalErrorEndsTheProcessNonZeroAndThePlatformRestartsIt() {
        History history = new History();
        DeploymentSpec spec = new DeploymentSpec("trade-stats", "no-input-topic", Variant.STATEFUL_SET, 1,
                "no-input-topic-missing", "no-input-topic-stats", "no-input-topic-dead-letter", AppSettings.exactlyOnce());
        try (DeployedApp app = platform.deploy(spec, history)) {
            await("the app exits after a fatal error and its container is restarted (logs in " + app.logDirectory() + ")")
                    .atMost(Duration.ofMinutes(2))
                    .until(() -> app.pods().get(0).restarts() >= 1);
        }
        List<HistoryEvent> exits = history.select(event -> event.is(HistoryEvent.PLATFORM, "container-exited"));
        assertEquals(1, exits.get(0).longField("exitCode"), "exit code of the first container: " + exits);
        assertFalse(history.select(event -> event.is(HistoryEvent.APP, "fatal-error")).isEmpty(),
                "a fatal-error telemetry event before the exit: " + history.events());
    }

    private static int httpPort(History history) {
        return (int) history.select(event -> event.is(HistoryEvent.APP, "started")).get(0).longField("httpPort");
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

    private static List<JsonNode> readAll(String topic, int expected) {
        List<JsonNode> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await("at least " + expected + " records on " + topic).atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(JSON.readTree(record.value()));
                }
                return values.size() >= expected;
            });
        }
        return values;
    }
}
