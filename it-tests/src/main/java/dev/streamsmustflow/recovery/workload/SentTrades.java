package dev.streamsmustflow.recovery.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * Every trade a workload sent, with the outcome of the send. A trade whose send failed is
 * indeterminate — it may or may not have been written — and is kept, never dropped, so that the
 * oracle can say UNKNOWN instead of guessing.
 */
public final class SentTrades {

    private final List<GeneratedTrade> acknowledged = new ArrayList<>();
    private final List<GeneratedTrade> indeterminate = new ArrayList<>();

    public synchronized void acknowledged(GeneratedTrade trade) {
        acknowledged.add(trade);
    }

    public synchronized void indeterminate(GeneratedTrade trade) {
        indeterminate.add(trade);
    }

    public synchronized List<GeneratedTrade> acknowledged() {
        return List.copyOf(acknowledged);
    }

    public synchronized List<GeneratedTrade> indeterminate() {
        return List.copyOf(indeterminate);
    }

    public synchronized int count() {
        return acknowledged.size() + indeterminate.size();
    }
}
