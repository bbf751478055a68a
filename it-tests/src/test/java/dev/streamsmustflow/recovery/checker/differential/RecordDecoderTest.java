package dev.streamsmustflow.recovery.checker.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.deployment.descriptor.RecordFormat;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.junit.jupiter.api.Test;

class RecordDecoderTest {

    @Test
    void jsonIsComparedByWhatItSaysNotHowItIsWritten() {
        RecordDecoder json = new RecordDecoder(RecordFormat.JSON);

        assertEquals(json.decode(utf8("{\"count\": 3, \"word\": \"flow\", \"at\": {\"b\": 1, \"a\": [2, 1]}}")),
                json.decode(utf8("{\"word\":\"flow\",\"at\":{\"a\":[2,1],\"b\":1},\"count\":3}")));
        assertNotEquals(json.decode(utf8("{\"a\":[1,2]}")), json.decode(utf8("{\"a\":[2,1]}")),
                "an array's order counts");
    }

    @Test
    void integersAreReadAsKafkaWritesThem() {
        assertEquals("-42", new RecordDecoder(RecordFormat.LONG).decode(new LongSerializer().serialize("t", -42L)));
        assertEquals("7", new RecordDecoder(RecordFormat.INTEGER).decode(new IntegerSerializer().serialize("t", 7)));
    }

    @Test
    void textStaysTextBytesBecomeBase64AndNullStaysATombstone() {
        assertEquals("flow", new RecordDecoder(RecordFormat.STRING).decode(utf8("flow")));
        assertEquals("AQID", new RecordDecoder(RecordFormat.BYTES).decode(new byte[] {1, 2, 3}));
        assertNull(new RecordDecoder(RecordFormat.JSON).decode(null));
    }

    @Test
    void bytesAFormatCannotReadAreRefusedWithWhatTheyWere() {
        IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
                () -> new RecordDecoder(RecordFormat.JSON).decode(utf8("{\"count\": ")));
        IllegalArgumentException notLong = assertThrows(IllegalArgumentException.class,
                () -> new RecordDecoder(RecordFormat.LONG).decode(new byte[] {1, 2, 3, 4}));

        assertTrue(notJson.getMessage().startsWith("not JSON: {\"count\": "), notJson.getMessage());
        assertEquals("4 bytes are no long (8 bytes)", notLong.getMessage());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
