package dev.streamsmustflow.examples.wordcount;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

class WordCountTopologyTest {

    @Test
    void countsEveryWordSoFarOneUpdateAWord() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "word-count-test");
        properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        try (TopologyTestDriver driver = new TopologyTestDriver(new WordCountTopology().get(), properties)) {
            TestInputTopic<String, String> sentences = driver.createInputTopic(WordCountTopology.DEFAULT_INPUT_TOPIC,
                    new StringSerializer(), new StringSerializer());
            TestOutputTopic<String, Long> counts = driver.createOutputTopic(WordCountTopology.DEFAULT_OUTPUT_TOPIC,
                    new StringDeserializer(), new LongDeserializer());

            sentences.pipeInput("1", "Streams must flow");
            sentences.pipeInput("2", (String) null);
            sentences.pipeInput("3", "  flow, FLOW!  ");

            assertEquals(List.of(KeyValue.pair("streams", 1L), KeyValue.pair("must", 1L), KeyValue.pair("flow", 1L),
                    KeyValue.pair("flow", 2L), KeyValue.pair("flow", 3L)), counts.readKeyValuesToList());
        }
    }
}
