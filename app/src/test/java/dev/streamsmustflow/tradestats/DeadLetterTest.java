package dev.streamsmustflow.tradestats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    @Test
    void malformedRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheRestIsUnaffected() throws Exception {
        Map<String, String> malformed = new LinkedHashMap<>();
        malformed.put("not json", "not valid JSON");
        malformed.put("[1,2]", "not a JSON object");
        malformed.put("{\"priceCents\":1,\"quantity\":1,\"eventTime\":1000}", "missing symbol");
        malformed.put(TopologyFixture.tradeJson("ACME", 0, 1, 1_000), "priceCents must be positive, was 0");
        malformed.put(TopologyFixture.tradeJson("ACME", -5, 1, 1_000), "priceCents must be positive, was -5");
        malformed.put(TopologyFixture.tradeJson("ACME", 10, 0, 1_000), "quantity must be positive, was 0");
        malformed.put("{\"symbol\":\"ACME\",\"priceCents\":1.5,\"quantity\":1,\"eventTime\":1000}",
                "priceCents is not an integer: 1.5");
        malformed.put("{\"symbol\":\"ACME\",\"priceCents\":10,\"eventTime\":1000}", "missing quantity");

        try (TopologyFixture topology = new TopologyFixture(Duration.ofSeconds(2))) {
            topology.trade("ACME", 100, 1, 1_000);
            for (String value : malformed.keySet()) {
                topology.trades.pipeInput("ACME", value);
            }
            topology.trades.pipeInput("ACME", (String) null);
            topology.trades.pipeInput("OTHER", TopologyFixture.tradeJson("ACME", 100, 1, 1_000));
            topology.trade("ACME", 300, 3, 1_500);

            List<String> reasons = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (KeyValue<String, String> record : topology.deadLetters.readKeyValuesToList()) {
                JsonNode letter = JsonSerde.MAPPER.readTree(record.value);
                reasons.add(letter.get("reason").asText());
                values.add(letter.get("value").isNull() ? null : letter.get("value").asText());
                assertEquals("trades", letter.get("topic").asText(), record.value);
                assertEquals(0, letter.get("partition").asInt(), record.value);
            }

            List<String> expectedReasons = new ArrayList<>(malformed.values());
            expectedReasons.add("value is null");
            expectedReasons.add("key 'OTHER' is not the symbol 'ACME'");
            assertEquals(expectedReasons.size(), reasons.size(), "dead letters: " + reasons);
            for (int i = 0; i < expectedReasons.size(); i++) {
                String reason = reasons.get(i);
                assertEquals(true, reason.startsWith(expectedReasons.get(i)),
                        "dead letter " + i + ": expected a reason starting with '" + expectedReasons.get(i) + "', was '" + reason + "'");
            }
            List<String> expectedValues = new ArrayList<>(malformed.keySet());
            expectedValues.add(null);
            expectedValues.add(TopologyFixture.tradeJson("ACME", 100, 1, 1_000));
            assertEquals(expectedValues, values, "the original values travel with their reasons");
            assertEquals(expectedReasons.size(), topology.counters.deadLettered());
            assertEquals(2, topology.counters.processed());

            Map<String, WindowedTradeStats> latest = new LinkedHashMap<>();
            topology.stats.readKeyValuesToList().forEach(record -> latest.put(record.key, TopologyFixture.read(record.value)));
            assertEquals(new WindowedTradeStats("ACME", 1_000, 6_000, 2, 400, 100, 300, 4, 200.0), latest.get("ACME@1000"),
                    "only the two valid trades count");
            assertEquals(List.of("ACME@0", "ACME@1000"), new ArrayList<>(latest.keySet()));
        }
    }
}
