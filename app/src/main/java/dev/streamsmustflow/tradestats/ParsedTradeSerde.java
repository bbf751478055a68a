package dev.streamsmustflow.tradestats;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Reads input values as {@link ParsedTrade}. Parsing never throws, so malformed input reaches the
 * topology (and the dead-letter topic) instead of Kafka Streams' deserialization handler.
 */
final class ParsedTradeSerde implements Serde<ParsedTrade> {

    @Override
    public Serializer<ParsedTrade> serializer() {
        return (topic, value) -> {
            throw new UnsupportedOperationException("ParsedTrade is read from the input topic, never written");
        };
    }

    @Override
    public Deserializer<ParsedTrade> deserializer() {
        return (topic, bytes) -> TradeParser.parse(bytes);
    }
}
