package dev.streamsmustflow.tradestats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamsmustflow.telemetry.InstanceState;
import dev.streamsmustflow.telemetry.StandbySuspension;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StandbyUpdateListener.SuspendReason;
import org.junit.jupiter.api.Test;

/**
 * The telemetry writes Kafka Streams' own names for states and standby suspensions; readers parse them with the
 * telemetry's enums, which must name the same values: a Kafka upgrade that adds one fails here, not in a reader
 * that would take the new name for none.
 */
class TelemetryVocabularyTest {

    @Test
    void everyKafkaStreamsStateIsAnInstanceState() {
        assertEquals(names(KafkaStreams.State.values()), names(InstanceState.values()));
    }

    @Test
    void everySuspendReasonIsAStandbySuspension() {
        assertEquals(names(SuspendReason.values()), names(StandbySuspension.values()));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).sorted().toList();
    }
}
