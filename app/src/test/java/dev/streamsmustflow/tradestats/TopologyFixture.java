package dev.streamsmustflow.tradestats;

import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The topology in a {@link TopologyTestDriver}, with its three topics as raw strings. */
final class TopologyFixture implements AutoCloseable {

    final ProcessingCounters counters = new ProcessingCounters();
    final TopologyTestDriver driver;
    final TestInputTopic<String, String> trades;
    final TestOutputTopic<String, String> stats;
    final TestOutputTopic<String, String> deadLetters;

    TopologyFixture(Duration grace) {
        // The production configuration (exactly-once included), as the application would build it.
        AppConfig config = AppConfig.fromEnv(Map.of(
                AppConfig.BOOTSTRAP_SERVERS, "unused:9092",
                AppConfig.WINDOW_GRACE_MS, Long.toString(grace.toMillis()),
                AppConfig.STATE_DIR, Path.of("target", "topology-test-state").toAbsolutePath().toString()));
        driver = new TopologyTestDriver(TradeStatsTopology.build(config.topology(), counters),
                config.streamsProperties(), Instant.EPOCH);
        trades = driver.createInputTopic("trades", new StringSerializer(), new StringSerializer());
        stats = driver.createOutputTopic("trade-stats", new StringDeserializer(), new StringDeserializer());
        deadLetters = driver.createOutputTopic("trades-dead-letter", new StringDeserializer(), new StringDeserializer());
    }

    static String tradeJson(String symbol, long priceCents, long quantity, long eventTime) {
        return "{\"symbol\":\"" + symbol + "\",\"priceCents\":" + priceCents + ",\"quantity\":" + quantity
                + ",\"eventTime\":" + eventTime + "}";
    }

    void trade(String symbol, long priceCents, long quantity, long eventTime) {
        trades.pipeInput(symbol, tradeJson(symbol, priceCents, quantity, eventTime));
    }

    static WindowedTradeStats read(String json) {
        try {
            return JsonSerde.MAPPER.readValue(json, WindowedTradeStats.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("output is not a WindowedTradeStats: " + json, e);
        }
    }

    @Override
    public void close() {
        driver.close();
    }
}
