package dev.streamsmustflow.agent;

import dev.streamsmustflow.telemetry.TelemetryEvent;
import dev.streamsmustflow.telemetry.TelemetryField;
import dev.streamsmustflow.telemetry.instance.InstanceStatus;
import dev.streamsmustflow.telemetry.instance.MemoryTelemetry;
import dev.streamsmustflow.telemetry.instance.RestoreTelemetry;
import dev.streamsmustflow.telemetry.instance.TaskAssignmentWatcher;
import dev.streamsmustflow.telemetry.instance.TelemetryLog;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.processor.StandbyUpdateListener;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * One application's {@code KafkaStreams} with the agent's telemetry: the same instance telemetry the trade-stats
 * app writes (recovery-instance-telemetry), fed by listeners that wrap the application's own. Created, it writes
 * {@code started} and sets its listeners; the application's later calls to the setters are wrapped around them.
 * When Kafka Streams stops for good ({@code NOT_RUNNING} or {@code ERROR}) it writes {@code stopped} and stops its
 * watchers.
 *
 * <p>Kafka Streams calls its state listener after it has woken the threads waiting in {@code close()}: an application
 * whose {@code main} returns after {@code close()}, or whose own shutdown hook closes Kafka Streams on SIGTERM, could
 * end the JVM before the last events are written. So a shutdown hook holds the JVM's exit: if Kafka Streams is
 * stopping, or begins to within {@link #STOPPING_WAIT} (the application's own hook closing it), until {@code stopped}
 * is written, at most {@link #STOPPED_WAIT}. An application that never closes Kafka Streams exits at most
 * {@link #STOPPING_WAIT} later than it would without the agent.
 */
final class AttachedInstance {

    /**
     * What Kafka Streams does with an error its application has no handler for: shut the client down. The agent's
     * handler answers this where the application set none, so that the behaviour stays the default's.
     */
    private static final StreamsUncaughtExceptionHandler KAFKA_STREAMS_DEFAULT = error -> StreamThreadExceptionResponse.SHUTDOWN_CLIENT;

    /** How long the JVM's exit waits for Kafka Streams to begin stopping (the application's own hook closing it). */
    static final Duration STOPPING_WAIT = Duration.ofSeconds(1);
    /** How long the JVM's exit may wait for {@code stopped}: past it the exit goes on, without the last events. */
    static final Duration STOPPED_WAIT = Duration.ofSeconds(5);

    private static final Set<KafkaStreams.State> STOPPING = EnumSet.of(KafkaStreams.State.PENDING_SHUTDOWN,
            KafkaStreams.State.NOT_RUNNING, KafkaStreams.State.PENDING_ERROR, KafkaStreams.State.ERROR);

    private final KafkaStreams streams;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final TelemetryLog log;
    private final RestoreTelemetry restores;
    private final InstanceStatus status;
    private final TaskAssignmentWatcher watcher;
    private final MemoryTelemetry memory;
    private volatile Long closingSince;

    private AttachedInstance(KafkaStreams streams, TelemetryLog log) {
        this.streams = streams;
        this.log = log;
        this.restores = new RestoreTelemetry(log);
        this.status = new InstanceStatus(log, restores, Map::of);
        this.watcher = new TaskAssignmentWatcher(streams, status);
        this.memory = new MemoryTelemetry(log, MemoryTelemetry.PROC_SELF_STATUS);
    }

    static AttachedInstance attach(Object streams, StreamsSettings settings, String instanceName, PrintStream out) {
        KafkaStreams kafkaStreams = (KafkaStreams) streams;
        TelemetryLog log = new TelemetryLog(instanceName, out, Clock.systemUTC());
        log.emit(TelemetryEvent.STARTED, settings.startedFields());
        AttachedInstance instance = new AttachedInstance(kafkaStreams, log);
        kafkaStreams.setStateListener(instance.stateListener(null));
        kafkaStreams.setGlobalStateRestoreListener(instance.restoreListener(null));
        kafkaStreams.setStandbyUpdateListener(instance.standbyListener(null));
        kafkaStreams.setUncaughtExceptionHandler(instance.exceptionHandler(KAFKA_STREAMS_DEFAULT));
        Runtime.getRuntime().addShutdownHook(new Thread(instance::awaitStoppedIfStopping, "recovery-agent-exit"));
        return instance;
    }

    Object streams() {
        return streams;
    }

    /** The agent's state listener, then the application's ({@code null}: none). */
    KafkaStreams.StateListener stateListener(Object application) {
        if (application instanceof ReportingStateListener) {
            return (KafkaStreams.StateListener) application;
        }
        return new ReportingStateListener((KafkaStreams.StateListener) application);
    }

    StateRestoreListener restoreListener(Object application) {
        if (application instanceof ReportingRestoreListener) {
            return (StateRestoreListener) application;
        }
        return new ReportingRestoreListener(restores, (StateRestoreListener) application);
    }

    StandbyUpdateListener standbyListener(Object application) {
        if (application instanceof ReportingStandbyListener) {
            return (StandbyUpdateListener) application;
        }
        return new ReportingStandbyListener(restores, (StandbyUpdateListener) application);
    }

    StreamsUncaughtExceptionHandler exceptionHandler(Object application) {
        if (application instanceof ReportingExceptionHandler) {
            return (StreamsUncaughtExceptionHandler) application;
        }
        return new ReportingExceptionHandler((StreamsUncaughtExceptionHandler) application);
    }

    private void stateChanged(KafkaStreams.State newState, KafkaStreams.State oldState) {
        status.stateChanged(newState, oldState);
        if (STOPPING.contains(newState)) {
            stopping.countDown();
        }
        if (newState == KafkaStreams.State.PENDING_SHUTDOWN || newState == KafkaStreams.State.PENDING_ERROR) {
            closingSince = log.now();
        }
        if (newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.ERROR) {
            watcher.close();
            memory.close();
            Map<TelemetryField, Object> fields = new LinkedHashMap<>();
            fields.put(TelemetryField.CLEAN, newState == KafkaStreams.State.NOT_RUNNING);
            Long since = closingSince;
            fields.put(TelemetryField.CLOSE_MS, since == null ? null : log.now() - since);
            fields.put(TelemetryField.FINAL_STATE, newState.name());
            log.emit(TelemetryEvent.STOPPED, fields);
            stopped.countDown();
        }
    }

    private void awaitStoppedIfStopping() {
        try {
            if (STOPPING.contains(streams.state()) || stopping.await(STOPPING_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                stopped.await(STOPPED_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class ReportingStateListener implements KafkaStreams.StateListener {
        private final KafkaStreams.StateListener application;

        ReportingStateListener(KafkaStreams.StateListener application) {
            this.application = application;
        }

        @Override
        public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
            try {
                stateChanged(newState, oldState);
            } catch (RuntimeException e) {
                AttachedInstances.reportOnce(e);
            }
            if (application != null) {
                application.onChange(newState, oldState);
            }
        }
    }

    private final class ReportingExceptionHandler implements StreamsUncaughtExceptionHandler {
        private final StreamsUncaughtExceptionHandler application;

        ReportingExceptionHandler(StreamsUncaughtExceptionHandler application) {
            this.application = application;
        }

        @Override
        public StreamThreadExceptionResponse handle(Throwable exception) {
            try {
                log.emit(TelemetryEvent.FATAL_ERROR, Map.of(TelemetryField.ERROR, String.valueOf(exception)));
            } catch (RuntimeException e) {
                AttachedInstances.reportOnce(e);
            }
            return application.handle(exception);
        }
    }
}
