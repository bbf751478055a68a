package dev.streamsmustflow.tradestats;

import java.util.Random;
import java.util.function.Supplier;

/**
 * Endless trades for trade-stats run as any app is ({@code app/recovery-app.yaml}), made from a seed and an event-time
 * start: 200 symbols, prices and quantities drawn at random, event time 5 ms further each trade, on time, none
 * malformed. The harness makes one with the run's seed and the start of its event time, and asks it for one record at
 * a time, as one JSON line of its input file format: key the symbol, value the trade as the app reads it, timestamp
 * the trade's event time. The trade's own {@code eventTime} is what the app windows by, so the harness must not move
 * the timestamps: it gives the start instead (the second constructor argument). It needs nothing but the JDK.
 */
public final class TradeInputGenerator implements Supplier<String> {

    static final int SYMBOLS = 200;
    static final long STEP_MS = 5;
    static final int MAX_PRICE_CENTS = 100_000;
    static final int MAX_QUANTITY = 1_000;

    private final Random random;
    private long eventTime;

    /** @param startMs the first trade's event time */
    public TradeInputGenerator(long seed, long startMs) {
        this.random = new Random(seed);
        this.eventTime = startMs;
    }

    @Override
    public String get() {
        String symbol = String.format("S%04d", random.nextInt(SYMBOLS));
        long price = 1 + random.nextInt(MAX_PRICE_CENTS);
        long quantity = 1 + random.nextInt(MAX_QUANTITY);
        long time = eventTime;
        eventTime += STEP_MS;
        String trade = "{\\\"symbol\\\":\\\"" + symbol + "\\\",\\\"priceCents\\\":" + price + ",\\\"quantity\\\":" + quantity
                + ",\\\"eventTime\\\":" + time + "}";
        return "{\"key\": \"" + symbol + "\", \"value\": \"" + trade + "\", \"timestamp\": " + time + "}";
    }
}
