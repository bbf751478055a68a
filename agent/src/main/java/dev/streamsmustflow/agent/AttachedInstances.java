package dev.streamsmustflow.agent;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the woven code calls: the application's first {@code KafkaStreams} gets an {@link AttachedInstance}, and
 * every listener or handler it is given is wrapped by that instance. A second {@code KafkaStreams} in the same JVM
 * runs untouched (one pod, one instance: the harness reads a pod's telemetry as one instance's), with one line on
 * stderr saying so. Nothing the agent does may break the application: an error of the agent's own is written to
 * stderr once and the application's argument passes unchanged.
 *
 * <p>Public because the woven code runs in {@code org.apache.kafka.streams}; not an API.
 */
public final class AttachedInstances {

    private static final PrintStream ERRORS = System.err;
    private static final AtomicBoolean ERROR_REPORTED = new AtomicBoolean();
    private static final AtomicBoolean SECOND_REPORTED = new AtomicBoolean();
    private static volatile AgentSettings settings;
    private static volatile AttachedInstance attached;

    private AttachedInstances() {
    }

    static void configure(AgentSettings agentSettings) {
        settings = agentSettings;
    }

    /**
     * A constructor's arguments as the agent passes them on: the application's, or, where the record cache is to be
     * off, the same with the settings ({@code Properties} or {@code StreamsConfig}) copied and the cache set to 0.
     * Each constructor a public one delegates to gets the copy and sets it again: the same.
     */
    public static Object[] configured(Object[] constructorArguments) {
        AgentSettings agent = settings;
        if (agent == null || !agent.recordCacheOff()) {
            return constructorArguments;
        }
        try {
            return StreamsSettings.withoutRecordCache(constructorArguments);
        } catch (RuntimeException | LinkageError e) {
            reportOnce(e);
            return constructorArguments;
        }
    }

    public static void created(Object streams, Object[] constructorArguments) {
        try {
            synchronized (AttachedInstances.class) {
                if (attached != null) {
                    // a constructor that delegates to another runs this once for each: the instance is the same
                    if (attached.streams() != streams && SECOND_REPORTED.compareAndSet(false, true)) {
                        ERRORS.println("recovery-agent: a second KafkaStreams in this JVM is not reported (the first is)");
                    }
                    return;
                }
                attached = AttachedInstance.attach(streams, StreamsSettings.of(constructorArguments), settings.instance(),
                        System.out);
            }
        } catch (RuntimeException | LinkageError e) {
            reportOnce(e);
        }
    }

    /** The argument of a {@link ListenerSetter} as the agent passes it on: wrapped by the attached instance's own. */
    public static Object wrapped(Object streams, String setter, Object argument) {
        AttachedInstance instance = of(streams);
        if (instance == null) {
            return argument;
        }
        try {
            return switch (ListenerSetter.of(setter).orElseThrow(() -> new IllegalArgumentException("no setter " + setter))) {
                case STATE_LISTENER -> instance.stateListener(argument);
                case RESTORE_LISTENER -> instance.restoreListener(argument);
                case STANDBY_LISTENER -> instance.standbyListener(argument);
                // a null handler is the application's mistake, refused by Kafka Streams as without the agent
                case EXCEPTION_HANDLER -> argument == null ? null : instance.exceptionHandler(argument);
            };
        } catch (RuntimeException | LinkageError e) {
            reportOnce(e);
            return argument;
        }
    }

    private static AttachedInstance of(Object streams) {
        AttachedInstance instance = attached;
        return instance != null && instance.streams() == streams ? instance : null;
    }

    /** An error of the agent's: said once on stderr, with what it means (the agent then reports less, the app runs on). */
    static void reportOnce(Throwable error) {
        if (ERROR_REPORTED.compareAndSet(false, true)) {
            ERRORS.println("recovery-agent: cannot report this KafkaStreams (" + error
                    + "); the application runs unchanged, the phases that need the agent are absent");
        }
    }
}
