package dev.streamsmustflow.tradestats;

import dev.streamsmustflow.telemetry.TelemetryEvent;
import dev.streamsmustflow.telemetry.TelemetryField;
import dev.streamsmustflow.telemetry.instance.InstanceStatus;
import dev.streamsmustflow.telemetry.instance.MemoryTelemetry;
import dev.streamsmustflow.telemetry.instance.RestoreTelemetry;
import dev.streamsmustflow.telemetry.instance.TaskAssignmentWatcher;
import dev.streamsmustflow.telemetry.instance.TelemetryLog;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * One running instance: Kafka Streams with its telemetry, the HTTP endpoints and the task watcher.
 * Closing it closes all of them, once, within the configured shutdown timeout.
 */
public final class TradeStatsApplication implements AutoCloseable {

    private final AppConfig config;
    private final TelemetryLog log;
    private final InstanceStatus status;
    private final KafkaStreams streams;
    private final HealthServer http;
    private final TaskAssignmentWatcher watcher;
    private final MemoryTelemetry memory;
    private final CompletableFuture<Throwable> fatalError = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private TradeStatsApplication(AppConfig config, PrintStream telemetryOut) throws IOException {
        this.config = config;
        this.log = new TelemetryLog(config.instanceName(), telemetryOut, Clock.systemUTC());
        ProcessingCounters counters = new ProcessingCounters();
        counters.onResume((task, topic, partition, offset) -> {
            Map<TelemetryField, Object> fields = new LinkedHashMap<>();
            fields.put(TelemetryField.TASK, task);
            fields.put(TelemetryField.TOPIC, topic);
            fields.put(TelemetryField.PARTITION, partition);
            fields.put(TelemetryField.OFFSET, offset);
            log.emit(TelemetryEvent.PROCESSING_RESUMED, fields);
        });
        RestoreTelemetry restores = new RestoreTelemetry(log);
        this.status = new InstanceStatus(log, restores, counters::statusFields);
        this.streams = new KafkaStreams(config.passThrough() ? PassThroughTopology.build(config.topology())
                : TradeStatsTopology.build(config.topology(), counters), config.streamsProperties());
        streams.setStateListener((newState, oldState) -> {
            status.stateChanged(newState, oldState);
            if (newState == KafkaStreams.State.ERROR) {
                fatalError.complete(new IllegalStateException("Kafka Streams entered state ERROR"));
            }
        });
        streams.setGlobalStateRestoreListener(restores);
        streams.setStandbyUpdateListener(restores);
        streams.setUncaughtExceptionHandler(error -> {
            log.emit(TelemetryEvent.FATAL_ERROR, Map.of(TelemetryField.ERROR, String.valueOf(error)));
            fatalError.complete(error);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        this.http = HealthServer.start(config.httpPort(), status);
        this.watcher = new TaskAssignmentWatcher(streams, status);
        this.memory = new MemoryTelemetry(log, MemoryTelemetry.PROC_SELF_STATUS);
    }

    /** Starts an instance; the {@code started} event tells the HTTP port actually bound. */
    public static TradeStatsApplication start(AppConfig config, PrintStream telemetryOut) throws IOException {
        TradeStatsApplication app = new TradeStatsApplication(config, telemetryOut);
        app.log.emit(TelemetryEvent.STARTED, app.describe());
        app.streams.start();
        return app;
    }

    /** Completes when Kafka Streams fails for good; the process should then exit non-zero. */
    public CompletableFuture<Throwable> fatalError() {
        return fatalError;
    }

    public InstanceStatus status() {
        return status;
    }

    public int httpPort() {
        return http.port();
    }

    TelemetryLog telemetry() {
        return log;
    }

    /**
     * Closes Kafka Streams within the shutdown timeout (committing, and for exactly-once completing
     * the open transaction), then the endpoints. Returns whether Kafka Streams closed in time; only
     * the first call does the work.
     */
    @Override
    public void close() {
        closeCleanly();
    }

    public boolean closeCleanly() {
        if (!closed.compareAndSet(false, true)) {
            return true;
        }
        long started = log.now();
        boolean clean = streams.close(CloseOptions.timeout(config.shutdownTimeout()).withGroupMembershipOperation(
                config.leaveGroupOnClose() ? GroupMembershipOperation.LEAVE_GROUP : GroupMembershipOperation.DEFAULT));
        watcher.close();
        memory.close();
        http.close();
        log.emit(TelemetryEvent.STOPPED, Map.of(TelemetryField.CLEAN, clean, TelemetryField.CLOSE_MS, log.now() - started,
                TelemetryField.FINAL_STATE, streams.state().name()));
        return clean;
    }

    private Map<TelemetryField, Object> describe() {
        Map<TelemetryField, Object> fields = new LinkedHashMap<>();
        fields.put(TelemetryField.VERSION, AppVersion.current().orElse(null));
        fields.put(TelemetryField.TOPOLOGY, config.passThrough() ? AppConfig.PASS_THROUGH : "trade-stats");
        fields.put(TelemetryField.APPLICATION_ID, config.applicationId());
        fields.put(TelemetryField.BOOTSTRAP_SERVERS, config.bootstrapServers());
        fields.put(TelemetryField.PROCESSING_GUARANTEE, config.processingGuarantee());
        fields.put(TelemetryField.GROUP_PROTOCOL, config.groupProtocol());
        fields.put(TelemetryField.STATIC_MEMBERSHIP, config.staticMembership());
        fields.put(TelemetryField.LEAVE_GROUP_ON_CLOSE, config.leaveGroupOnClose());
        fields.put(TelemetryField.STANDBY_REPLICAS, config.standbyReplicas());
        fields.put(TelemetryField.TRANSACTIONAL_STATE_STORES, config.transactionalStateStores());
        fields.put(TelemetryField.STATE_DIR, config.stateDir().toString());
        fields.put(TelemetryField.HTTP_PORT, http.port());
        fields.put(TelemetryField.PID, ProcessHandle.current().pid());
        return fields;
    }
}
