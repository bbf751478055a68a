package dev.streamsmustflow.tradestats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

class PassThroughTopologyTest {

    @Test
    void copiesEveryRecordUnchangedMalformedOnesTooAndKeepsNoState() {
        AppConfig config = AppConfig.fromEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092", "TOPOLOGY", "pass-through"));
        assertTrue(config.passThrough());
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "pass-through-test");
        try (TopologyTestDriver driver = new TopologyTestDriver(PassThroughTopology.build(config.topology()), properties)) {
            TestInputTopic<byte[], byte[]> input = driver.createInputTopic(config.topology().inputTopic(),
                    new ByteArraySerializer(), new ByteArraySerializer());
            TestOutputTopic<byte[], byte[]> output = driver.createOutputTopic(config.topology().outputTopic(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            List<KeyValue<String, String>> sent = List.of(KeyValue.pair("AAPL", "{\"symbol\":\"AAPL\",\"price\":1}"),
                    KeyValue.pair("MSFT", "not json"), KeyValue.pair(null, null));

            sent.forEach(record -> input.pipeInput(bytes(record.key), bytes(record.value)));

            assertEquals(sent, output.readKeyValuesToList().stream()
                    .map(record -> KeyValue.pair(text(record.key), text(record.value))).toList());
            assertTrue(driver.getAllStateStores().isEmpty(), "no state");
        }
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
