package dev.streamsmustflow.tradestats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TradeInputGeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long START = 1_796_601_600_000L;

    @Test
    void eachLineIsATradeTheAppAcceptsKeyedByItsSymbolAndStampedWithItsEventTime() throws Exception {
        TradeInputGenerator generator = new TradeInputGenerator(7, START);
        Set<String> symbols = new HashSet<>();
        for (int n = 0; n < 2_000; n++) {
            JsonNode line = JSON.readTree(generator.get());
            assertEquals(Set.of("key", "value", "timestamp"), fieldNames(line), line.toString());
            ParsedTrade parsed = TradeParser.parse(line.get("value").asText().getBytes(StandardCharsets.UTF_8));
            Trade trade = assertInstanceOf(ParsedTrade.Valid.class, parsed, line.toString()).trade();
            assertEquals(line.get("key").asText(), trade.symbol(), line.toString());
            assertEquals(START + 5L * n, trade.eventTime(), "5 ms a trade from the start: " + line);
            assertEquals(trade.eventTime(), line.get("timestamp").asLong(), line.toString());
            assertTrue(trade.priceCents() >= 1 && trade.priceCents() <= 100_000, line.toString());
            assertTrue(trade.quantity() >= 1 && trade.quantity() <= 1_000, line.toString());
            symbols.add(trade.symbol());
        }
        assertEquals(200, symbols.size(), "2,000 trades over 200 symbols reach each: " + symbols.size());
    }

    @Test
    void theSameSeedAndStartGiveTheSameTradesAndAnotherSeedOthers() {
        assertEquals(lines(new TradeInputGenerator(7, START)), lines(new TradeInputGenerator(7, START)));
        assertNotEquals(lines(new TradeInputGenerator(7, START)), lines(new TradeInputGenerator(8, START)));
    }

    private static List<String> lines(TradeInputGenerator generator) {
        return Stream.generate(generator).limit(100).toList();
    }

    private static Set<String> fieldNames(JsonNode line) {
        Set<String> names = new HashSet<>();
        line.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
