package dev.streamsmustflow.recovery.workload;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends at a steady rate on a thread of its own: every 20 ms what is due by then. A send that blocks (a producer's
 * buffer full while the broker is away) delays the next; the records due meanwhile follow as soon as it returns,
 * so the rate holds on average.
 */
public final class Pacer implements AutoCloseable {

    private static final long TICK_MS = 20;

    private final ScheduledExecutorService thread;

    /** @param name the pacing thread's name */
    public Pacer(String name) {
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread pacing = new Thread(runnable, name);
            pacing.setDaemon(true);
            return pacing;
        });
    }

    /**
     * Calls {@code sendOne} {@code ratePerSecond} times a second from now until {@link SteadyInput#stop()}, which
     * then calls {@code flush} on the same thread, once the last tick is over.
     */
    public SteadyInput start(Runnable sendOne, int ratePerSecond, Runnable flush) {
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException("ratePerSecond must be at least 1, was " + ratePerSecond);
        }
        long started = System.nanoTime();
        AtomicLong next = new AtomicLong();
        CompletableFuture<Void> failed = new CompletableFuture<>();
        ScheduledFuture<?> task = thread.scheduleAtFixedRate(() -> {
            try {
                long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
                long due = elapsedMs * ratePerSecond / 1000;
                while (next.get() < due) {
                    sendOne.run();
                    next.incrementAndGet();
                }
            } catch (RuntimeException e) {
                failed.completeExceptionally(e);
                throw e;
            }
        }, 0, TICK_MS, TimeUnit.MILLISECONDS);
        return new SteadyInput(task, failed, () -> runAfterPacing(flush), next::get);
    }

    private void runAfterPacing(Runnable flush) {
        try {
            thread.submit(flush).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot flush the input: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
