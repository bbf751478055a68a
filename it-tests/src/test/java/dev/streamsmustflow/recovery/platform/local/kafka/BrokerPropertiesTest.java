package dev.streamsmustflow.recovery.platform.local.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerPropertiesTest {

    @Test
    void writesAFileThatKafkaReadsBackUnchanged(@TempDir Path dir) throws IOException {
        BrokerProperties properties = new BrokerProperties(40001, 40002, dir.resolve("odd\\name data"));

        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(properties.writeTo(dir.resolve("s.properties")))) {
            loaded.load(reader);
        }

        assertEquals(properties.asMap().size(), loaded.size());
        properties.asMap().forEach((key, value) -> assertEquals(value, loaded.getProperty(key), key));
        assertEquals(
                "PLAINTEXT://127.0.0.1:40001,CONTROLLER://127.0.0.1:40002", loaded.get("listeners"));
        assertEquals("127.0.0.1:40002", loaded.get("controller.quorum.bootstrap.servers"));
        assertEquals("127.0.0.1:40001", properties.bootstrapServers());
    }
}
