package dev.streamsmustflow.tradestats;

/**
 * An input record after parsing: either a valid trade or a malformed record with the reason, so
 * that a bad record never stops the application and never disappears silently.
 */
public sealed interface ParsedTrade {

    record Valid(Trade trade, byte[] raw) implements ParsedTrade {
    }

    record Malformed(String reason, byte[] raw) implements ParsedTrade {
    }
}
