package dev.streamsmustflow.recovery.platform.local.kafka;

import static org.awaitility.Awaitility.await;

import dev.streamsmustflow.recovery.platform.process.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Formats KRaft storage, launches the broker JVM and waits until an Admin client gets answers. */
final class KraftBrokerLauncher {

    /** A broker that answered; the caller owns the process and the Admin client. */
    record Launched(BrokerProperties properties, Path config, ChildJvm process, Admin admin, Duration startupTime) {}

    private static final Logger LOG = LoggerFactory.getLogger(KraftBrokerLauncher.class);

    private static final String BROKER_MAIN = "kafka.Kafka";
    private static final String STORAGE_TOOL_MAIN = "kafka.tools.StorageTool";
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> LOGGING = List.of(
            // System properties win over a simplelogger.properties that quiets the test JVM.
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");
    /** The heap and GC flags of Kafka's own kafka-server-start.sh, except the fixed -Xms. */
    private static final List<String> BROKER_JVM = List.of(
            "-Xmx1g",
            "-XX:+UseG1GC",
            "-XX:MaxGCPauseMillis=20",
            "-XX:InitiatingHeapOccupancyPercent=35",
            "-XX:+ExplicitGCInvokesConcurrent",
            "-Djava.awt.headless=true");
    /** The format tool lives about a second: C1 only and the serial GC start it ~0.5 s sooner. */
    private static final List<String> FORMAT_JVM =
            List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.awt.headless=true");

    private KraftBrokerLauncher() {
    }

    static Launched launch(Path runDir) {
        try {
            return launchAttempt(runDir.toAbsolutePath(), "kafka-");
        } catch (PortTakenException e) {
            LOG.warn("A picked port was taken before the broker bound it; retrying once on new ports");
            return launchAttempt(runDir.toAbsolutePath(), "kafka-retry-");
        }
    }

    private static Launched launchAttempt(Path runDir, String filePrefix) {
        List<Integer> ports = LoopbackPorts.pickFree(2);
        BrokerProperties properties =
                new BrokerProperties(ports.get(0), ports.get(1), runDir.resolve(filePrefix + "data"));
        Path config = properties.writeTo(runDir.resolve(filePrefix + "server.properties"));
        long formatStarted = System.nanoTime();
        formatStorage(config, runDir.resolve(filePrefix + "storage-format.log"));
        long launched = System.nanoTime();
        ChildJvm process = ChildJvm.launch("kafka-broker", concat(BROKER_JVM, LOGGING), BROKER_MAIN,
                List.of(config.toString()), runDir.resolve(filePrefix + "broker.log"));
        Admin admin = null;
        try {
            awaitBroker(process, "listening", () -> LoopbackPorts.isAccepting(properties.clientPort()));
            // Created only now: before the port opens, its connection attempts fill the test log with warnings.
            admin = Admin.create(adminConfig(properties.bootstrapServers()));
            awaitBroker(process, "describable", describable(admin));
            long ready = System.nanoTime();
            LOG.info(
                    "Kafka broker ready at {} {} ms after launch; the storage format before took {} ms",
                    properties.bootstrapServers(),
                    TimeUnit.NANOSECONDS.toMillis(ready - launched),
                    TimeUnit.NANOSECONDS.toMillis(launched - formatStarted));
            return new Launched(properties, config, process, admin, Duration.ofNanos(ready - formatStarted));
        } catch (RuntimeException e) {
            if (admin != null) {
                admin.close(Duration.ZERO);
            }
            process.kill();
            throw e;
        }
    }

    /**
     * Starts the broker of {@code launched} again, on its formatted storage, config and ports, and waits
     * until {@code admin} (which reconnects by itself) can describe the cluster. The old process must be gone.
     */
    static ChildJvm relaunch(Launched launched, Admin admin, Path logFile) {
        ChildJvm process = ChildJvm.launch("kafka-broker", concat(BROKER_JVM, LOGGING), BROKER_MAIN,
                List.of(launched.config().toString()), logFile);
        try {
            awaitBroker(process, "listening again", () -> LoopbackPorts.isAccepting(launched.properties().clientPort()));
            awaitBroker(process, "describable again", describable(admin));
            return process;
        } catch (RuntimeException e) {
            process.kill();
            throw e;
        }
    }

    private static void formatStorage(Path config, Path logFile) {
        List<String> args = List.of(
                "format",
                "--cluster-id", Uuid.randomUuid().toString(),
                "--config", config.toString(),
                // A single-node dynamic quorum: the controller is its own voter.
                "--standalone");
        try (ChildJvm tool = ChildJvm.launch(
                "kafka-storage-format", concat(FORMAT_JVM, LOGGING), STORAGE_TOOL_MAIN, args, logFile)) {
            int status = tool.awaitExit(FORMAT_TIMEOUT);
            if (status != 0) {
                throw new IllegalStateException(
                        "kafka-storage format exited with status " + status + "; log " + logFile + ":\n"
                                + tool.logTail());
            }
        }
    }

    private static Map<String, Object> adminConfig(String bootstrapServers) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "local-kafka-broker",
                // The defaults back off up to 1 s, which would show up in the measured start time.
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 20,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 100,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 20,
                AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 100);
    }

    /** Waits for the condition; fails fast, with the log's tail, if the broker process dies. */
    private static void awaitBroker(ChildJvm process, String state, Callable<Boolean> condition) {
        try {
            await("Kafka broker " + state)
                    .atMost(READY_TIMEOUT)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> failIfExited(process) && condition.call());
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(
                    "Kafka broker not " + state + " within " + READY_TIMEOUT + "; log " + process.logFile()
                            + ":\n" + process.logTail(),
                    e);
        }
    }

    private static boolean failIfExited(ChildJvm process) {
        if (process.isAlive()) {
            return true;
        }
        String tail = process.logTail();
        String message = "Kafka broker exited during start; log " + process.logFile() + ":\n" + tail;
        throw tail.contains("Address already in use")
                ? new PortTakenException(message)
                : new IllegalStateException(message);
    }

    private static Callable<Boolean> describable(Admin admin) {
        return () -> {
            try {
                return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(500))
                        .nodes().get().isEmpty();
            } catch (ExecutionException notYet) {
                return false;
            }
        };
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    /** The broker lost the race for a port picked just before its launch. */
    private static final class PortTakenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
