package dev.streamsmustflow.tradestats;

import java.util.concurrent.atomic.LongAdder;

/** How many input records this instance aggregated and how many it sent to the dead-letter topic. */
public final class ProcessingCounters {

    private final LongAdder processed = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();

    void recordProcessed() {
        processed.increment();
    }

    void recordDeadLettered() {
        deadLettered.increment();
    }

    public long processed() {
        return processed.sum();
    }

    public long deadLettered() {
        return deadLettered.sum();
    }
}
