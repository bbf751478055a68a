package dev.streamsmustflow.tradestats;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.Topology;

/**
 * The app's topology with its default settings (topics {@code trades}, {@code trade-stats} and
 * {@code trades-dead-letter}, 5 s grace), for a harness that computes the expected output without faults in
 * {@code TopologyTestDriver}: the class the app's descriptor ({@code app/recovery-app.yaml}) names.
 */
public final class TradeStatsReference implements Supplier<Topology> {

    /** Only the settings' defaults: the broker's address is not the topology's business. */
    private static final Map<String, String> DEFAULTS = Map.of(AppConfig.BOOTSTRAP_SERVERS, "reference:9092");

    @Override
    public Topology get() {
        return TradeStatsTopology.build(AppConfig.fromEnv(DEFAULTS).topology(), new ProcessingCounters());
    }
}
