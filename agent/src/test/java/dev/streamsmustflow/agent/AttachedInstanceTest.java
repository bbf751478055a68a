package dev.streamsmustflow.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wrappers the agent puts around an application's listeners and handler, driven the way Kafka Streams calls
 * them, on a {@code KafkaStreams} created without a broker: the agent's line comes first, the application's own
 * listener follows with the same arguments, and what the application's handler answers is what Kafka Streams gets.
 */
class AttachedInstanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TopicPartition CHANGELOG = new TopicPartition("demo-counts-changelog", 1);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private KafkaStreams streams;
    private AttachedInstance instance;

    @BeforeEach
    void attach() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("words", Consumed.with(Serdes.String(), Serdes.String())).groupByKey().count();
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "demo");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        streams = new KafkaStreams(builder.build(), properties);
        instance = AttachedInstance.attach(streams, StreamsSettings.of(new Object[] {properties}), "demo-0",
                new PrintStream(stdout, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void close() {
        streams.close(Duration.ofSeconds(10));
    }

    @Test
    void theApplicationsRestoreListenerFollowsTheAgentsWithTheSameArguments() throws IOException {
        List<String> calls = new ArrayList<>();
        StateRestoreListener application = new StateRestoreListener() {
            @Override
            public void onRestoreStart(TopicPartition partition, String store, long startOffset, long endOffset) {
                calls.add("start " + partition + " " + store + " " + startOffset + "-" + endOffset + " after "
                        + events("restore-start").size() + " restore-start line(s)");
            }

            @Override
            public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long restored) {
                calls.add("batch " + batchEndOffset + " " + restored);
            }

            @Override
            public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
                calls.add("end " + totalRestored + " after " + events("restore-end").size() + " restore-end line(s)");
            }
        };

        StateRestoreListener wrapped = instance.restoreListener(application);
        wrapped.onRestoreStart(CHANGELOG, "counts", 0, 120);
        wrapped.onBatchRestored(CHANGELOG, "counts", 70, 70);
        wrapped.onBatchRestored(CHANGELOG, "counts", 120, 50);
        wrapped.onRestoreEnd(CHANGELOG, "counts", 120);

        assertEquals(List.of("start demo-counts-changelog-1 counts 0-120 after 1 restore-start line(s)", "batch 70 70",
                "batch 120 50", "end 120 after 1 restore-end line(s)"), calls);
        JsonNode end = events("restore-end").get(0);
        assertEquals(120, end.get("recordsRestored").asLong(), end.toString());
        assertEquals(0, end.get("startOffset").asLong(), end.toString());
        assertEquals("demo-0", end.get("instance").asText(), end.toString());
    }

    @Test
    void theApplicationsHandlerDecidesAndTheAgentReportsTheError() {
        StreamsUncaughtExceptionHandler application = error -> StreamThreadExceptionResponse.REPLACE_THREAD;

        StreamThreadExceptionResponse response = instance.exceptionHandler(application)
                .handle(new IllegalStateException("store corrupted"));

        assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, response, "the application's answer, unchanged");
        List<JsonNode> errors = events("fatal-error");
        assertEquals(1, errors.size(), stdout.toString(StandardCharsets.UTF_8));
        assertTrue(errors.get(0).get("error").asText().contains("store corrupted"), errors.toString());
    }

    @Test
    void aListenerTheAgentAlreadyWrappedIsNotWrappedAgain() {
        KafkaStreams.StateListener application = (newState, oldState) -> { };
        KafkaStreams.StateListener wrapped = instance.stateListener(application);

        assertSame(wrapped, instance.stateListener(wrapped));
        StateRestoreListener restore = instance.restoreListener(null);
        assertSame(restore, instance.restoreListener(restore));
    }

    @Test
    void everySetterTheAgentWeavesIsAKafkaStreamsMethodTakingOneArgument() {
        for (ListenerSetter setter : ListenerSetter.values()) {
            long taking = Arrays.stream(KafkaStreams.class.getMethods())
                    .filter(method -> method.getName().equals(setter.method()) && method.getParameterCount() == 1).count();
            assertEquals(1, taking, setter + ": KafkaStreams." + setter.method() + " with one argument");
        }
    }

    private List<JsonNode> events(String event) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{")) {
                try {
                    JsonNode json = JSON.readTree(line);
                    if (event.equals(json.path("event").asText())) {
                        lines.add(json);
                    }
                } catch (IOException e) {
                    throw new AssertionError("not JSON: " + line, e);
                }
            }
        }
        return lines;
    }
}
