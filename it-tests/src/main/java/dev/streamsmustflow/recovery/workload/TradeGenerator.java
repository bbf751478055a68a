package dev.streamsmustflow.recovery.workload;

import dev.streamsmustflow.recovery.workload.GeneratedTrade.Lateness;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded, endless sequence of input records. Event time grows by {@code eventTimeStepMs} with every
 * record, or, once {@linkplain #pacedAt paced}, by as much as the wall clock between two records at the input's
 * rate; on top of that, a fraction of the trades is sent late — half of them within the app's grace
 * period (they must count), half beyond it (they must be dropped) — and one record in
 * {@code malformedEvery} is malformed, each time of the next shape. The same seed gives the same records.
 */
public final class TradeGenerator {

    static final long MAX_PRICE_CENTS = 100_000;
    static final long MAX_QUANTITY = 1_000;
    /**
     * How far from the grace period's edge a late trade stays, against the newest event time generated:
     * a partition's stream time trails that by a few event-time steps, so the trade falls clearly on its side.
     */
    static final long EDGE_MARGIN_MS = 1_000;
    /** A window is 5 s long: a trade this much beyond the grace period is too late for all its windows. */
    static final long WINDOW_SIZE_MS = 5_000;

    private final Random random;
    private final WorkloadSpec spec;
    private final long graceMs;
    private long sequence;
    private double eventTime;
    private double stepMs;
    private int malformedShape;

    /** @param graceMs the app's grace period ({@code WINDOW_GRACE_MS}), which late trades are made against */
    public TradeGenerator(WorkloadSpec spec, long graceMs) {
        this.random = new Random(spec.seed());
        this.spec = spec;
        this.graceMs = graceMs;
        this.eventTime = spec.eventTimeStart();
        this.stepMs = spec.eventTimeStepMs();
    }

    /**
     * From the next record on, event time advances as the wall clock does while records come at
     * {@code ratePerSecond}: a steady input that lasts minutes stays near the present instead of racing hours ahead
     * of it (the broker refuses records stamped more than an hour ahead), and its windows fill as a live stream's.
     */
    public TradeGenerator pacedAt(int ratePerSecond) {
        stepMs = 1_000.0 / ratePerSecond;
        return this;
    }

    public WorkloadRecord next() {
        long index = sequence++;
        long newest = (long) eventTime;
        eventTime += stepMs;
        String symbol = symbolName(random.nextInt(spec.symbols()));
        if (spec.malformedEvery() > 0 && random.nextInt(spec.malformedEvery()) == 0) {
            return MalformedShapes.make(malformedShape++, index, symbol, newest);
        }
        long price = 1 + (long) random.nextInt((int) MAX_PRICE_CENTS);
        long quantity = 1 + (long) random.nextInt((int) MAX_QUANTITY);
        if (random.nextDouble() >= spec.lateFraction()) {
            return new GeneratedTrade(index, symbol, price, quantity, newest, Lateness.ON_TIME);
        }
        boolean withinGrace = random.nextBoolean();
        long lateBy = withinGrace
                ? 1 + random.nextInt((int) Math.max(1, graceMs - EDGE_MARGIN_MS))
                : graceMs + WINDOW_SIZE_MS + EDGE_MARGIN_MS + random.nextInt((int) EDGE_MARGIN_MS);
        return new GeneratedTrade(index, symbol, price, quantity, Math.max(0, newest - lateBy),
                withinGrace ? Lateness.WITHIN_GRACE : Lateness.BEYOND_GRACE);
    }

    /** The next {@code count} records. */
    public List<WorkloadRecord> take(int count) {
        List<WorkloadRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(next());
        }
        return records;
    }

    static String symbolName(int index) {
        return String.format("S%04d", index);
    }
}
