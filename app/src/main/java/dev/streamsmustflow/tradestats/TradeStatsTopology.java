package dev.streamsmustflow.tradestats;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The topology of the talk: trades keyed by symbol, hopping windows of 5 s advancing 1 s, TradeStats
 * aggregated in a persistent window store with a changelog, the average price to the output topic.
 * A pure function of its settings; the counters only observe.
 */
public final class TradeStatsTopology {

    private static final String DEAD_LETTERS = "dead-letters";
    private static final String TRADES = "trades";

    private TradeStatsTopology() {
    }

    public static Topology build(TopologySettings settings, ProcessingCounters counters) {
        StreamsBuilder builder = new StreamsBuilder();
        Map<String, KStream<String, Object>> routed = builder
                .stream(settings.inputTopic(), Consumed.with(Serdes.String(), new ParsedTradeSerde())
                        .withTimestampExtractor(new TradeTimestampExtractor())
                        .withName("read-trades"))
                .processValues(() -> new InputChecker(counters), Named.as("check-input"))
                .split(Named.as("input-"))
                .branch((symbol, value) -> value instanceof DeadLetter, Branched.as(DEAD_LETTERS))
                .defaultBranch(Branched.as(TRADES));

        routed.get("input-" + DEAD_LETTERS)
                .mapValues(value -> (DeadLetter) value, Named.as("as-dead-letter"))
                .to(settings.deadLetterTopic(), Produced.with(Serdes.String(), JsonSerde.of(DeadLetter.class))
                        .withName("write-dead-letters"));

        Serde<TradeStats> statsSerde = JsonSerde.of(TradeStats.class);
        routed.get("input-" + TRADES)
                .mapValues(value -> (Trade) value, Named.as("as-trade"))
                .groupByKey(Grouped.with(Serdes.String(), JsonSerde.of(Trade.class)))
                .windowedBy(TimeWindows.ofSizeAndGrace(TopologySettings.WINDOW_SIZE, settings.grace())
                        .advanceBy(TopologySettings.WINDOW_ADVANCE))
                .aggregate(() -> TradeStats.EMPTY, (symbol, trade, stats) -> stats.add(trade),
                        Named.as("aggregate-trades"),
                        Materialized.<String, TradeStats, WindowStore<Bytes, byte[]>>as(TopologySettings.STORE_NAME)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(statsSerde)
                                .withRetention(settings.storeRetention()))
                .toStream(Named.as("window-updates"))
                .map(TradeStatsTopology::toOutput, Named.as("average-price"))
                .to(settings.outputTopic(), Produced.with(Serdes.String(), JsonSerde.of(WindowedTradeStats.class))
                        .withName("write-trade-stats"));
        return builder.build();
    }

    private static KeyValue<String, WindowedTradeStats> toOutput(Windowed<String> window, TradeStats stats) {
        String symbol = window.key();
        long start = window.window().start();
        return KeyValue.pair(WindowedTradeStats.key(symbol, start),
                WindowedTradeStats.of(symbol, start, window.window().end(), stats));
    }
}
