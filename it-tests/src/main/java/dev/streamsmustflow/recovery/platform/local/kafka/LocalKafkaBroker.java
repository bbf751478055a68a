package dev.streamsmustflow.recovery.platform.local.kafka;

import static org.awaitility.Awaitility.await;

import dev.streamsmustflow.recovery.platform.process.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
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
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBroker.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final BrokerProperties properties;
    private final ChildJvm process;
    private final Admin admin;
    private final Duration startupTime;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalKafkaBroker(KraftBrokerLauncher.Launched launched) {
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
        createTopics(Map.of(name, partitions));
    }

    /** Creates the topics (replication factor 1) and waits until every partition has a leader. */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        if (closed.get()) {
            throw new IllegalStateException(this + " is closed");
        }
        partitionsByTopic.forEach((name, partitions) -> {
            if (partitions < 1) {
                throw new IllegalArgumentException("topic " + name + " needs at least 1 partition, got " + partitions);
            }
        });
        List<NewTopic> topics = partitionsByTopic.entrySet().stream()
                .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1))
                .toList();
        try {
            admin.createTopics(topics).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + partitionsByTopic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "could not create topics " + partitionsByTopic + " on " + this + ": " + e.getMessage(), e);
        }
        await("leaders for " + partitionsByTopic)
                .atMost(ADMIN_TIMEOUT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> allPartitionsLed(partitionsByTopic));
    }

    private boolean allPartitionsLed(Map<String, Integer> partitionsByTopic) throws InterruptedException {
        Map<String, TopicDescription> descriptions;
        try {
            descriptions = admin.describeTopics(partitionsByTopic.keySet()).allTopicNames().get();
        } catch (ExecutionException notYetKnownToTheBroker) {
            return false;
        }
        return partitionsByTopic.entrySet().stream()
                .allMatch(
                        topic -> {
                            TopicDescription description = descriptions.get(topic.getKey());
                            return description.partitions().size() == topic.getValue()
                                    && description.partitions().stream().allMatch(p -> p.leader() != null);
                        });
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
