package dev.streamsmustflow.tradestats;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time comes from the trade itself. A malformed record keeps its record timestamp (or the
 * partition time) so that it flows on to the dead-letter topic instead of being dropped for an
 * invalid timestamp.
 */
final class TradeTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof ParsedTrade.Valid valid) {
            return valid.trade().eventTime();
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
    }
}
