package dev.streamsmustflow.recovery.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A dead letter as the app writes it (docs/app.md, "Dead letters"), read back. */
class DeadLetterRecordTest {

    @Test
    void aDeadLetterSaysWhereItsRecordWas() {
        DeadLetterRecord letter = CommittedJsonTopic.DEAD_LETTERS.parse(record("{\"reason\":\"priceCents must be positive, was 0\","
                + "\"topic\":\"trades\",\"partition\":3,\"offset\":41,\"key\":\"ACME\",\"value\":\"{}\"}"));

        assertEquals(new DeadLetterRecord(3, 41L, "priceCents must be positive, was 0"), letter);
        assertEquals(List.of(3L, 41L), letter.source());
    }

    @Test
    void aDeadLetterWithoutItsSourceIsNotReadAsRecordZero() {
        DeadLetterRecord letter = CommittedJsonTopic.DEAD_LETTERS.parse(record("{\"reason\":\"not valid JSON\",\"topic\":null,"
                + "\"partition\":null,\"offset\":null,\"key\":\"ACME\",\"value\":\"x\"}"));

        assertNull(letter.source(), letter.toString());
    }

    @Test
    void anUnreadableDeadLetterNamesWhereItIs() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> CommittedJsonTopic.DEAD_LETTERS.parse(record("not json")));

        assertTrue(failure.getMessage().contains("trades-dead-letter-0@7"), failure.getMessage());
    }

    private static ConsumerRecord<String, String> record(String value) {
        return new ConsumerRecord<>("trades-dead-letter", 0, 7, "ACME", value);
    }
}
