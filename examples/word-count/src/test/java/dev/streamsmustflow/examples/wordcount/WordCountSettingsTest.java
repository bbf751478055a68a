package dev.streamsmustflow.examples.wordcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class WordCountSettingsTest {

    @Test
    void aMissingRequiredVariableIsNamed() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> WordCountSettings.from(Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092", "STATE_DIR", " ")));

        assertEquals("STATE_DIR is not set: the word count needs it", missing.getMessage());
    }

    @Test
    void anEmptyInstanceIdMeansDynamicMembership() {
        WordCountSettings settings = WordCountSettings.from(Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092",
                "STATE_DIR", "/tmp/state", "GROUP_INSTANCE_ID", "", "PROCESSING_GUARANTEE", "at_least_once"));

        assertFalse(settings.streams().containsKey("main.consumer.group.instance.id"), settings.streams().toString());
        assertEquals("at_least_once", settings.streams().get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        assertEquals("word-count", settings.streams().get(StreamsConfig.APPLICATION_ID_CONFIG));
        assertEquals("sentences", settings.inputTopic());
    }
}
