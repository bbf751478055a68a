package dev.streamsmustflow.tradestats;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
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
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("task", task);
            fields.put("topic", topic);
            fields.put("partition", partition);
            fields.put("offset", offset);
            log.emit("processing-resumed", fields);
        });
        RestoreTelemetry restores = new RestoreTelemetry(log);
        this.status = new InstanceStatus(log, counters, restores);
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
            log.emit("fatal-error", Map.of("error", String.valueOf(error)));
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
        app.log.emit("started", app.describe());
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
        log.emit("stopped", Map.of("clean", clean, "closeMs", log.now() - started, "finalState", streams.state().name()));
        return clean;
    }

    private Map<String, Object> describe() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("version", AppVersion.current().orElse(null));
        fields.put("topology", config.passThrough() ? AppConfig.PASS_THROUGH : "trade-stats");
        fields.put("applicationId", config.applicationId());
        fields.put("bootstrapServers", config.bootstrapServers());
        fields.put("processingGuarantee", config.processingGuarantee());
        fields.put("groupProtocol", config.groupProtocol());
        fields.put("staticMembership", config.staticMembership());
        fields.put("leaveGroupOnClose", config.leaveGroupOnClose());
        fields.put("standbyReplicas", config.standbyReplicas());
        fields.put("transactionalStateStores", config.transactionalStateStores());
        fields.put("stateDir", config.stateDir().toString());
        fields.put("httpPort", http.port());
        fields.put("pid", ProcessHandle.current().pid());
        return fields;
    }
}
