package dev.streamsmustflow.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.streamsmustflow.telemetry.TelemetryField;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

    private static final Map<String, Object> APP = Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "app",
            StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1", StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "4096");

    @Test
    void propertiesAreCopiedWithTheCacheOffAndTheApplicationsOwnLeftAsTheyWere() {
        Properties own = new Properties();
        own.putAll(APP);
        Topology topology = new Topology();

        Object[] changed = StreamsSettings.withoutRecordCache(new Object[] {topology, own});

        assertSame(topology, changed[0]);
        Properties copy = (Properties) changed[1];
        assertNotSame(own, copy);
        assertEquals("0", copy.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG));
        assertEquals("app", copy.get(StreamsConfig.APPLICATION_ID_CONFIG));
        assertEquals("4096", own.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG), "the application's own object");
        assertEquals(0L, StreamsSettings.of(changed).startedFields().get(TelemetryField.RECORD_CACHE_BYTES));
    }

    @Test
    void aStreamsConfigIsMadeAgainWithTheCacheOff() {
        StreamsConfig own = new StreamsConfig(APP);

        Object[] changed = StreamsSettings.withoutRecordCache(new Object[] {new Topology(), own});

        StreamsConfig copy = (StreamsConfig) changed[1];
        assertEquals(0L, copy.getLong(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG));
        assertEquals("app", copy.getString(StreamsConfig.APPLICATION_ID_CONFIG));
        assertEquals(4096L, StreamsSettings.of(new Object[] {own}).startedFields().get(TelemetryField.RECORD_CACHE_BYTES));
    }

    @Test
    @SuppressWarnings("deprecation")
    void theDeprecatedCacheSettingIsTheCacheWhereTheNewOneIsAbsent() {
        StreamsConfig deprecated = new StreamsConfig(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "app",
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1", StreamsConfig.CACHE_MAX_BYTES_BUFFERING_CONFIG, "2048"));

        assertEquals(2048L, StreamsSettings.of(new Object[] {deprecated}).startedFields().get(TelemetryField.RECORD_CACHE_BYTES));
        StreamsConfig off = (StreamsConfig) StreamsSettings.withoutRecordCache(new Object[] {deprecated})[0];
        assertEquals(0L, StreamsSettings.of(new Object[] {off}).startedFields().get(TelemetryField.RECORD_CACHE_BYTES),
                "the new setting, which Kafka Streams takes over the deprecated one");
    }
}
