package dev.streamsmustflow.agent;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code KafkaStreams} setters whose argument the agent wraps, by method name: the agent's matcher weaves them,
 * and the woven code names the one it runs in.
 */
enum ListenerSetter {
    STATE_LISTENER("setStateListener"),
    RESTORE_LISTENER("setGlobalStateRestoreListener"),
    STANDBY_LISTENER("setStandbyUpdateListener"),
    EXCEPTION_HANDLER("setUncaughtExceptionHandler");

    private final String method;

    ListenerSetter(String method) {
        this.method = method;
    }

    String method() {
        return method;
    }

    static Optional<ListenerSetter> of(String method) {
        return Arrays.stream(values()).filter(setter -> setter.method.equals(method)).findFirst();
    }
}
