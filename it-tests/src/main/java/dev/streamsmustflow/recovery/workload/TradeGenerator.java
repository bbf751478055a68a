package dev.streamsmustflow.recovery.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded, endless sequence of trades. Event time grows by {@code eventTimeStepMs} with every trade,
 * so it is strictly increasing overall and per symbol: no trade is ever late, and the expected
 * output depends only on the seed and the number of trades taken.
 */
public final class TradeGenerator {

    static final long MAX_PRICE_CENTS = 100_000;
    static final long MAX_QUANTITY = 1_000;

    private final Random random;
    private final int symbols;
    private final long eventTimeStart;
    private final long eventTimeStepMs;
    private long sequence;

    public TradeGenerator(long seed, int symbols, long eventTimeStart, long eventTimeStepMs) {
        if (symbols < 1) {
            throw new IllegalArgumentException("symbols must be at least 1, was " + symbols);
        }
        if (eventTimeStepMs < 1) {
            throw new IllegalArgumentException("eventTimeStepMs must be at least 1, was " + eventTimeStepMs);
        }
        this.random = new Random(seed);
        this.symbols = symbols;
        this.eventTimeStart = eventTimeStart;
        this.eventTimeStepMs = eventTimeStepMs;
    }

    public GeneratedTrade next() {
        long index = sequence++;
        String symbol = symbolName(random.nextInt(symbols));
        long price = 1 + (long) random.nextInt((int) MAX_PRICE_CENTS);
        long quantity = 1 + (long) random.nextInt((int) MAX_QUANTITY);
        return new GeneratedTrade(index, symbol, price, quantity, eventTimeStart + index * eventTimeStepMs);
    }

    /** The next {@code count} trades. */
    public List<GeneratedTrade> take(int count) {
        List<GeneratedTrade> trades = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            trades.add(next());
        }
        return trades;
    }

    static String symbolName(int index) {
        return String.format("S%04d", index);
    }
}
