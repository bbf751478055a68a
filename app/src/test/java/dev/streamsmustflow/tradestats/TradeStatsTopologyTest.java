package dev.streamsmustflow.tradestats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

class TradeStatsTopologyTest {

    private static final Duration GRACE = Duration.ofSeconds(2);

    @Test
    void eachTradeLandsInExactlyTheFiveWindowsThatContainIt() {
        try (TopologyFixture topology = new TopologyFixture(GRACE)) {
            topology.trade("ACME", 12_345, 7, 12_345);

            List<KeyValue<String, String>> output = topology.stats.readKeyValuesToList();

            List<String> keys = output.stream().map(record -> record.key).collect(Collectors.toList());
            assertEquals(List.of("ACME@8000", "ACME@9000", "ACME@10000", "ACME@11000", "ACME@12000"), keys);
            for (KeyValue<String, String> record : output) {
                WindowedTradeStats stats = TopologyFixture.read(record.value);
                long start = Long.parseLong(record.key.substring("ACME@".length()));
                assertEquals(new WindowedTradeStats("ACME", start, start + 5_000, 1, 12_345, 12_345, 12_345, 7, 12_345.0),
                        stats, "window " + record.key);
            }
        }
    }

    @Test
    void outputIsReadableWithoutKafkaStreamsSerdes() throws Exception {
        try (TopologyFixture topology = new TopologyFixture(GRACE)) {
            topology.trade("ACME", 100, 1, 20_000);
            topology.trade("ACME", 201, 2, 20_500);

            Map<String, String> latest = new LinkedHashMap<>();
            topology.stats.readKeyValuesToList().forEach(record -> latest.put(record.key, record.value));

            JsonNode value = JsonSerde.MAPPER.readTree(latest.get("ACME@20000"));
            assertEquals("ACME", value.get("symbol").asText());
            assertEquals(20_000, value.get("windowStart").asLong());
            assertEquals(25_000, value.get("windowEnd").asLong());
            assertEquals(2, value.get("count").asLong());
            assertEquals(301, value.get("sumPriceCents").asLong());
            assertEquals(100, value.get("minPriceCents").asLong());
            assertEquals(201, value.get("maxPriceCents").asLong());
            assertEquals(3, value.get("volume").asLong());
            assertEquals(150.5, value.get("averagePriceCents").asDouble());
        }
    }

    @Test
    void aSeededDatasetMatchesTheIndependentModelForEveryWindow() {
        long seed = 20261126L;
        int symbols = 60;
        int tradeCount = 12_000;
        Random random = new Random(seed);
        TradeWindowModel model = new TradeWindowModel();
        try (TopologyFixture topology = new TopologyFixture(GRACE)) {
            long eventTime = 1_700_000_000_000L;
            for (int i = 0; i < tradeCount; i++) {
                // Non-decreasing event time overall, so no trade is late; several trades per window.
                eventTime += random.nextInt(40);
                String symbol = "SYM" + random.nextInt(symbols);
                long price = 1 + random.nextInt(100_000);
                long quantity = 1 + random.nextInt(500);
                topology.trade(symbol, price, quantity, eventTime);
                model.add(symbol, price, quantity, eventTime);
            }

            List<KeyValue<String, String>> output = topology.stats.readKeyValuesToList();

            Map<String, TradeWindowModel.Expected> lastSeen = new LinkedHashMap<>();
            List<String> notAPrefix = new ArrayList<>();
            for (KeyValue<String, String> record : output) {
                TradeWindowModel.Expected actual = TradeWindowModel.Expected.of(TopologyFixture.read(record.value));
                if (!model.prefixesOf(record.key).contains(actual)) {
                    notAPrefix.add(record.key + "=" + actual);
                }
                lastSeen.put(record.key, actual);
            }
            String context = "seed " + seed + ", " + tradeCount + " trades over " + symbols + " symbols";
            assertEquals(List.of(), notAPrefix.subList(0, Math.min(5, notAPrefix.size())),
                    context + ": updates that are no prefix aggregate of their window");
            Map<String, TradeWindowModel.Expected> expected = model.finalValues();
            assertEquals(expected.size(), lastSeen.size(), context + ": number of windows");
            assertEquals(expected, new java.util.TreeMap<>(lastSeen), context + ": final value per window");
            assertEquals(tradeCount, topology.counters.processed(), context + ": trades processed");
            assertTrue(topology.deadLetters.isEmpty(), context + ": no dead letters expected");
        }
    }

    @Test
    void aLateTradeCountsOnlyInWindowsStillWithinGrace() {
        try (TopologyFixture topology = new TopologyFixture(GRACE)) {
            topology.trade("ACME", 100, 1, 10_000);
            topology.trade("ACME", 100, 1, 14_500); // stream time 14.5 s
            topology.stats.readKeyValuesToList();

            // 9.5 s lies in the windows ending 10, 11, 12, 13 and 14 s. With 2 s grace at stream time
            // 14.5 s, those ending at or before 12.5 s are closed: only [8 s, 13 s) and [9 s, 14 s) accept it.
            topology.trade("ACME", 300, 5, 9_500);

            Map<String, WindowedTradeStats> updates = new LinkedHashMap<>();
            topology.stats.readKeyValuesToList().forEach(record -> updates.put(record.key, TopologyFixture.read(record.value)));
            assertEquals(List.of("ACME@8000", "ACME@9000"), new ArrayList<>(updates.keySet()));
            assertEquals(new WindowedTradeStats("ACME", 8_000, 13_000, 2, 400, 100, 300, 6, 200.0), updates.get("ACME@8000"));
            assertEquals(new WindowedTradeStats("ACME", 9_000, 14_000, 2, 400, 100, 300, 6, 200.0), updates.get("ACME@9000"));
        }
    }

    @Test
    void aTradeBeyondGraceIsDroppedEverywhere() {
        try (TopologyFixture topology = new TopologyFixture(GRACE)) {
            topology.trade("ACME", 100, 1, 30_000);
            topology.stats.readKeyValuesToList();

            topology.trade("ACME", 100, 1, 20_000); // its last window ends at 25 s, closed since 27 s

            assertTrue(topology.stats.isEmpty(), "no window accepts a trade later than the grace period");
        }
    }

    /**
     * Kafka Streams keeps the windowed aggregation's stream time in the processor, which a new task
     * instance starts afresh: the first record a task processes is reported, so that an oracle can
     * start stream time over where the app did.
     */
    @Test
    void theFirstRecordATaskProcessesIsReportedOnce() {
        List<String> resumes = new ArrayList<>();
        try (TopologyFixture topology = new TopologyFixture(GRACE)) {
            topology.counters.onResume((task, topic, partition, offset) ->
                    resumes.add(task + " " + topic + "-" + partition + "@" + offset));

            topology.trades.pipeInput("ACME", "{not json");
            topology.trade("ACME", 100, 1, 10_000);
            topology.trade("ACME", 100, 1, 11_000);

            assertEquals(List.of("0_0 trades-0@0"), resumes, "the first input record, malformed or not, and only it");
            assertEquals(1, topology.counters.resumes());
        }
    }
}
