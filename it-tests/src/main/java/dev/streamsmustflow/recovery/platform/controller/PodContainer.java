package dev.streamsmustflow.recovery.platform.controller;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
}
