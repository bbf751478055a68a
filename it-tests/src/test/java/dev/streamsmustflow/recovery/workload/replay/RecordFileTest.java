package dev.streamsmustflow.recovery.workload.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.deployment.descriptor.InputSource;
import dev.streamsmustflow.recovery.deployment.descriptor.InputTopic;
import dev.streamsmustflow.recovery.deployment.descriptor.RecordFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.serialization.LongSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordFileTest {

    private static final InputTopic CLICKS = new InputTopic("clicks", 3, RecordFormat.STRING, RecordFormat.LONG,
            new InputSource("clicks.jsonl", null));

    @TempDir
    Path directory;

    @Test
    void eachLineIsARecordEncodedByItsTopicsFormatsInTheFilesOrder() throws IOException {
        Path file = write("""
                {"key": "home", "value": 3, "timestamp": 1000}

                {"key": "cart", "value": null, "timestamp": 900, "partition": 2}
                """);

        List<ReplayRecord> records = RecordFile.read(file, CLICKS);

        assertEquals(2, records.size());
        assertArrayEquals("home".getBytes(StandardCharsets.UTF_8), records.get(0).key());
        assertArrayEquals(new LongSerializer().serialize("clicks", 3L), records.get(0).value());
        assertEquals(1000, records.get(0).timestamp());
        assertNull(records.get(0).partition());
        assertNull(records.get(1).value(), "JSON null is a tombstone");
        assertEquals(2, records.get(1).partition());
        assertEquals(3, records.get(1).line());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"key\": \"home\", \"value\": 3} | :1: 'timestamp' must be epoch milliseconds, not null",
        "{\"key\": \"home\", \"value\": 3, \"timestamp\": 1, \"partition\": 3} | :1: 'partition' must be from 0 to 2, not 3",
        "{\"key\": \"home\", \"value\": \"3\", \"timestamp\": 1} | :1: 'value': a long must be a JSON integer from",
        "{\"key\": 7, \"value\": 3, \"timestamp\": 1} | :1: 'key': a string must be a JSON string, not 7",
        "{\"key\": \"home\", \"value\": 3, \"timestamp\": 1, \"offset\": 4} | :1: unknown field 'offset'",
        "[1, 2] | :1: a line must be a JSON object, not ARRAY",
        "{\"key\": | :1: not JSON: "
    })
    void aLineThatIsNoRecordNamesTheFileTheLineAndWhy(String line, String expected) throws IOException {
        Path file = write(line + "\n");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RecordFile.read(file, CLICKS));

        assertTrue(refused.getMessage().startsWith(file + expected.strip()), refused.getMessage());
    }

    private Path write(String lines) throws IOException {
        return Files.writeString(directory.resolve("clicks.jsonl"), lines);
    }
}
