package dev.streamsmustflow.tradestats;

import java.io.IOException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns the bytes of an input record into a {@link ParsedTrade}; never throws. */
final class TradeParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TradeParser() {
    }

    static ParsedTrade parse(byte[] raw) {
        if (raw == null) {
            return new ParsedTrade.Malformed("value is null", null);
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(raw);
        } catch (IOException | RuntimeException e) {
            return new ParsedTrade.Malformed("not valid JSON: " + firstLine(e.getMessage()), raw);
        }
        if (json == null || !json.isObject()) {
            return new ParsedTrade.Malformed("not a JSON object", raw);
        }
        JsonNode symbol = json.get("symbol");
        if (symbol == null || !symbol.isTextual() || symbol.asText().isBlank()) {
            return new ParsedTrade.Malformed("missing symbol", raw);
        }
        String problem = firstProblem(json);
        if (problem != null) {
            return new ParsedTrade.Malformed(problem, raw);
        }
        return new ParsedTrade.Valid(new Trade(symbol.asText(), json.get("priceCents").asLong(),
                json.get("quantity").asLong(), json.get("eventTime").asLong()), raw);
    }

    private static String firstProblem(JsonNode json) {
        for (String field : new String[] {"priceCents", "quantity", "eventTime"}) {
            JsonNode value = json.get(field);
            if (value == null || value.isNull()) {
                return "missing " + field;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                return field + " is not an integer: " + value;
            }
        }
        if (json.get("priceCents").asLong() <= 0) {
            return "priceCents must be positive, was " + json.get("priceCents").asLong();
        }
        if (json.get("quantity").asLong() <= 0) {
            return "quantity must be positive, was " + json.get("quantity").asLong();
        }
        if (json.get("eventTime").asLong() < 0) {
            return "eventTime must not be negative, was " + json.get("eventTime").asLong();
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
