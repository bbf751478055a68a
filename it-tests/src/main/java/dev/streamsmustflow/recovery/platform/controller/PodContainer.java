package dev.streamsmustflow.recovery.platform.controller;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One run of a pod's container: what a controller and the faults do to it. */
public interface PodContainer {

    /** Completes with the exit code when this run ends. */
    CompletableFuture<Integer> exit();

    boolean isAlive();

    /** SIGTERM: the application closes cleanly within its shutdown timeout. */
    void terminate();

    /** SIGKILL. */
    void kill();

    /** Freezes the process: it keeps its state, its connections and its group membership. */
    void pause();

    /** Lets a frozen process go on. */
    void resume();

    /** How the runtime names this run in events: a process id, a container id. */
    Map<String, Object> identity();

    /**
     * Stops this run as a pod deletion does: SIGTERM and SIGKILL after {@code grace} (SIGKILL at once for
     * a grace of zero); returns once the process is gone.
     */
    default void stop(Duration grace) {
        if (grace.isZero()) {
            kill();
        } else {
            terminate();
        }
        try {
            exit().get(grace.toMillis() + 1, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            kill();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exit().join();
    }
}
