package dev.streamsmustflow.recovery.workload;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/** Input flowing at a steady rate until stopped ({@link Pacer#start}). */
public final class SteadyInput implements AutoCloseable {

    private final Future<?> pacing;
    private final CompletableFuture<Void> failed;
    /** Flushes the producer once the pacer's thread is free, and returns when it has. */
    private final Runnable flush;
    private final LongSupplier sent;

    SteadyInput(Future<?> pacing, CompletableFuture<Void> failed, Runnable flush, LongSupplier sent) {
        this.pacing = pacing;
        this.failed = failed;
        this.flush = flush;
        this.sent = sent;
    }

    /** Records handed to the producer so far. */
    public long sent() {
        return sent.getAsLong();
    }

    /**
     * Stops the input and returns once every record handed to the producer is acknowledged or failed.
     *
     * @throws IllegalStateException when sending had stopped on an error before
     */
    public void stop() {
        pacing.cancel(false);
        // the flush runs on the pacer's one thread, so after a tick that was sending when cancelled
        flush.run();
        if (failed.isCompletedExceptionally()) {
            try {
                failed.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the steady input stopped on an error after " + sent() + " records: "
                        + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        pacing.cancel(false);
    }
}
