package dev.streamsmustflow.tradestats;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Routes every parsed input record: a valid trade whose key is its symbol goes on as a trade; anything
 * else becomes a {@link DeadLetter} that says why and where it came from. Each outcome is counted, and
 * so is the first record after the task instance began: where the instance resumed processing.
 */
final class InputChecker implements FixedKeyProcessor<String, ParsedTrade, Object> {

    private final ProcessingCounters counters;
    private FixedKeyProcessorContext<String, Object> context;
    private boolean resumed;

    InputChecker(ProcessingCounters counters) {
        this.counters = counters;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Object> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, ParsedTrade> record) {
        if (!resumed) {
            // This processor lives as long as its task instance, as does the aggregation's stream time.
            resumed = true;
            context.recordMetadata().ifPresent(source -> counters.resumed(context.taskId().toString(), source.topic(),
                    source.partition(), source.offset()));
        }
        ParsedTrade parsed = record.value();
        if (parsed instanceof ParsedTrade.Valid valid) {
            String symbol = valid.trade().symbol();
            if (symbol.equals(record.key())) {
                counters.recordProcessed();
                context.forward(record.withValue(valid.trade()));
                return;
            }
            parsed = new ParsedTrade.Malformed(
                    "key " + quoted(record.key()) + " is not the symbol " + quoted(symbol), valid.raw());
        }
        ParsedTrade.Malformed malformed = (ParsedTrade.Malformed) parsed;
        counters.recordDeadLettered();
        context.forward(record.withValue(deadLetter(record.key(), malformed)));
    }

    private DeadLetter deadLetter(String key, ParsedTrade.Malformed malformed) {
        RecordMetadata source = context.recordMetadata().orElse(null);
        String value = malformed.raw() == null ? null : new String(malformed.raw(), StandardCharsets.UTF_8);
        return new DeadLetter(malformed.reason(),
                source == null ? null : source.topic(),
                source == null ? null : source.partition(),
                source == null ? null : source.offset(),
                key, value);
    }

    private static String quoted(String text) {
        return text == null ? "null" : "'" + text + "'";
    }
}
