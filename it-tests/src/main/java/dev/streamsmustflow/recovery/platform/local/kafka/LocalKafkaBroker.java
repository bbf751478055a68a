package dev.streamsmustflow.recovery.platform.local.kafka;

import dev.streamsmustflow.recovery.platform.RestartableBroker;
import dev.streamsmustflow.recovery.platform.TopicCreator;
import dev.streamsmustflow.recovery.platform.process.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) in a child JVM,
 * started from the {@code kafka_2.13} jar on this JVM's classpath and listening on 127.0.0.1 only.
 * Its config, data and log live in the run directory given to {@link #start(Path)}; it dies with
 * this JVM even when this JVM is killed (see {@link ParentWatchdog}).
 *
 * <pre>{@code
 * try (LocalKafkaBroker kafka = LocalKafkaBroker.start(RunDirectory.create("my-scenario"))) {
 *   kafka.createTopic("trades", 3);
 *   ... kafka.bootstrapServers() ...
 * }
 * }</pre>
 */
public final class LocalKafkaBroker implements RestartableBroker, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBroker.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final KraftBrokerLauncher.Launched launched;
    private final BrokerProperties properties;
    private final Admin admin;
    private final Duration startupTime;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ChildJvm process;
    private int restarts;

    private LocalKafkaBroker(KraftBrokerLauncher.Launched launched) {
        this.launched = launched;
        this.properties = launched.properties();
        this.process = launched.process();
        this.admin = launched.admin();
        this.startupTime = launched.startupTime();
    }

    /**
     * Formats storage, launches the broker and returns once an Admin client can describe the
     * cluster. Fails fast, with the tail of the broker log, if the broker process dies meanwhile.
     */
    public static LocalKafkaBroker start(Path runDir) {
        return new LocalKafkaBroker(KraftBrokerLauncher.launch(runDir));
    }

    public String bootstrapServers() {
        return properties.bootstrapServers();
    }

    /** Shared with every caller and closed with the broker: do not close it yourself. */
    public Admin admin() {
        return admin;
    }

    /** The broker JVM's stdout and stderr. */
    public Path logFile() {
        return process.logFile();
    }

    public long pid() {
        return process.pid();
    }

    /** The client (PLAINTEXT) port, then the controller port. */
    public List<Integer> ports() {
        return List.of(properties.clientPort(), properties.controllerPort());
    }

    /** From the launch of the storage format until the broker answered an Admin client. */
    public Duration startupTime() {
        return startupTime;
    }

    public void createTopic(String name, int partitions) {
        if (closed.get()) {
            throw new IllegalStateException(this + " is closed");
        }
        TopicCreator.create(admin, Map.of(name, new TopicCreator.Topic(partitions, Map.of())));
    }

    /** Restarts the broker process on the same ports and data. */
    @Override
    public synchronized void restart(Consumer<Boolean> stopped) {
        if (closed.get()) {
            throw new IllegalStateException(this + " is closed");
        }
        stopped.accept(process.stop(STOP_GRACE));
        restarts++;
        Path log = process.logFile().resolveSibling(process.logFile().getFileName().toString()
                .replace(".log", "-restart-" + restarts + ".log"));
        process = KraftBrokerLauncher.relaunch(launched, admin, log);
    }

    /** SIGTERM (Kafka's controlled shutdown), SIGKILL after a bounded wait; safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long stopping = System.nanoTime();
        try {
            admin.close(Duration.ofSeconds(5));
        } finally {
            process.stop(STOP_GRACE);
        }
        LOG.info(
                "Kafka broker at {} stopped in {} ms",
                bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping));
    }

    @Override
    public String toString() {
        return "LocalKafkaBroker[" + bootstrapServers() + ", pid " + pid() + "]";
    }
}
