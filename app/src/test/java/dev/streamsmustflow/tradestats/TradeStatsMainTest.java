package dev.streamsmustflow.tradestats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TradeStatsMainTest {

    @Test
    void invalidConfigurationPrintsOneLineAndExitsTwo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = TradeStatsMain.run(Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092", "HTTP_PORT", "-1"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(2, exitCode);
        assertEquals("invalid configuration: HTTP_PORT: must be an integer from 0 to 65535, was '-1'\n",
                err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8), "no telemetry before the configuration is valid");
    }
}
