package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.checker.ConsumerLag;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.LagEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the lag of the committed input offsets every {@value #INTERVAL_MS} ms while the input flows, records
 * each sample in the history and keeps them for the scenario's waits. A sample the broker cannot answer (it is
 * restarting) is left out, not guessed.
 */
final class LagWatch implements AutoCloseable {

    static final long INTERVAL_MS = 100;

    private final ConsumerLag lag;
    private final History history;
    private final List<LagEvents.Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lag-watch");
        thread.setDaemon(true);
        return thread;
    });

    private LagWatch(ConsumerLag lag, History history) {
        this.lag = lag;
        this.history = history;
    }

    static LagWatch start(ConsumerLag lag, History history) {
        LagWatch watch = new LagWatch(lag, history);
        watch.sampler.scheduleWithFixedDelay(watch::sample, 0, INTERVAL_MS, TimeUnit.MILLISECONDS);
        return watch;
    }

    private void sample() {
        long value;
        try {
            value = lag.input();
        } catch (RuntimeException e) {
            return;
        }
        long time = System.currentTimeMillis();
        LagEvents.recordSample(history, time, value);
        synchronized (samples) {
            samples.add(new LagEvents.Sample(time, value));
        }
    }

    /** The samples taken at or after {@code time}, in order. */
    List<LagEvents.Sample> since(long time) {
        synchronized (samples) {
            return samples.stream().filter(sample -> sample.time() >= time).toList();
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
