package dev.streamsmustflow.recovery.platform.container;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.model.Frame;
import dev.streamsmustflow.recovery.platform.ClasspathVersions;
import dev.streamsmustflow.recovery.platform.ProcessMemory;
import dev.streamsmustflow.recovery.platform.RestartableBroker;
import dev.streamsmustflow.recovery.platform.StreamsGroupLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.Network;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One Kafka broker in a container ({@code apache/kafka}, or the image {@code scripts/offline-images}
 * builds in its place, which keeps the same contract), on a Docker network, for the docker and k3s
 * platforms. Containers on the network reach it as {@link #bootstrapServersForContainers()}; this
 * machine through a host port fixed at start, so that a restarted broker is found where it was.
 */
public final class KafkaInContainer implements RestartableBroker, AutoCloseable {

    /** The official image of the broker version the local platform runs, so that every platform runs the same Kafka. */
    public static final NeededImage IMAGE = NeededImage.orBuiltOffline("apache/kafka:" + ClasspathVersions.kafkaClients(),
            "streams-must-flow/kafka:" + ClasspathVersions.kafkaClients());

    private static final String NETWORK_ALIAS = "kafka";
    private static final int NETWORK_PORT = 19092;
    private static final int BROKER_PORT = 9092;
    private static final String RUNNING_LINE = "Transitioning from RECOVERY to RUNNING";
    /** Longer than a controlled shutdown of a broker with a few dozen partitions takes. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Does {@code %s} for every process {@code $p} (its /proc directory) whose command line runs Kafka's main
     * class {@code kafka.Kafka}, with only what both the official image and ours have (sh, grep, /proc); the
     * bracket keeps the pattern from matching this script's own command line.
     */
    private static final String FOR_EACH_BROKER = "for p in /proc/[0-9]*; do "
            + "if grep -q 'kafka[.]Kafka' \"$p/cmdline\" 2>/dev/null; then %s; fi; done";
    /** SIGTERM to the broker's JVM; exits 1 when there was none. */
    private static final String SIGNAL_BROKER = "found=1; "
            + FOR_EACH_BROKER.formatted("kill -TERM \"${p#/proc/}\" && found=0") + "; exit $found";

    /** The status file of the broker's JVM. */
    private static final String BROKER_STATUS = FOR_EACH_BROKER.formatted("cat \"$p/status\"");

    private final KafkaContainer kafka;
    private final Admin admin;

    private KafkaInContainer(KafkaContainer kafka) {
        this.kafka = kafka;
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers());
        this.admin = Admin.create(config);
    }

    /** Starts the broker on {@code network}; {@code image} is the one {@link DockerPreflight#check} chose for {@link #IMAGE}. */
    public static KafkaInContainer start(Network network, String image) {
        KafkaContainer kafka = create(network, image);
        try {
            kafka.start();
            return new KafkaInContainer(kafka);
        } catch (RuntimeException e) {
            kafka.stop();
            throw e;
        }
    }

    /** The container, not started, for a caller that starts it together with others. */
    public static KafkaContainer create(Network network, String image) {
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("apache/kafka"))
                .withNetwork(network)
                .withListener(NETWORK_ALIAS + ":" + NETWORK_PORT)
                .withEnv(StreamsGroupLimits.asImageEnv());
        kafka.setPortBindings(List.of(freeHostPort() + ":" + BROKER_PORT));
        return kafka;
    }

    /** Wraps a container that {@link #create} made and the caller started. */
    public static KafkaInContainer started(KafkaContainer kafka) {
        return new KafkaInContainer(kafka);
    }

    /** Host-mapped: for the workload producer, the oracle and the admin client. */
    public String bootstrapServersForHarness() {
        return kafka.getBootstrapServers();
    }

    /** For containers on the same network, which resolve {@link #networkAlias()} through Docker's DNS. */
    public String bootstrapServersForContainers() {
        return NETWORK_ALIAS + ":" + NETWORK_PORT;
    }

    public String networkAlias() {
        return NETWORK_ALIAS;
    }

    public KafkaContainer container() {
        return kafka;
    }

    /** Shared with every caller and closed with the broker: do not close it yourself. */
    public Admin admin() {
        return admin;
    }

    /** The image, and the official one it stands in for where it was built offline, for descriptions. */
    public String imageDescription() {
        String image = kafka.getDockerImageName();
        return image.equals(IMAGE.official()) ? image : image + " (built offline in place of " + IMAGE.official() + ")";
    }

    /** Restarts the same container, on the same data and host port; returns once it logs that it runs. */
    @Override
    public void restart(Consumer<Boolean> stopped) {
        DockerClient docker = kafka.getDockerClient();
        String id = kafka.getContainerId();
        stopped.accept(stop(docker, id));
        int since = (int) (System.currentTimeMillis() / 1000);
        docker.startContainerCmd(id).exec();
        AtomicBoolean running = new AtomicBoolean();
        try (ResultCallback.Adapter<Frame> follow = docker.logContainerCmd(id).withStdOut(true).withStdErr(true)
                .withFollowStream(true).withSince(since).exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Frame frame) {
                        if (new String(frame.getPayload(), StandardCharsets.UTF_8).contains(RUNNING_LINE)) {
                            running.set(true);
                        }
                    }
                })) {
            await("the restarted broker " + id + " logs '" + RUNNING_LINE + "'").atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100)).untilTrue(running);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * SIGTERM to the broker's JVM alone, and waits until the container has ended. Neither {@code docker
     * stop} nor a signal to the shells will do: under KafkaContainer's start command PID 1 is a shell
     * that ignores SIGTERM, and a shell between it and the broker that dies of it ends the container,
     * whose remaining processes the kernel then SIGKILLs: a crash, not a controlled shutdown.
     *
     * @return whether the container ended within the grace period (else it is killed)
     */
    private boolean stop(DockerClient docker, String id) {
        String execId = docker.execCreateCmd(id).withCmd("sh", "-c", SIGNAL_BROKER).withAttachStdout(true)
                .withAttachStderr(true).exec().getId();
        try {
            if (!docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>()).awaitCompletion(
                    EXEC_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("signalling the broker in container " + id + " took longer than "
                        + EXEC_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the broker", e);
        }
        Long signalled = docker.inspectExecCmd(execId).exec().getExitCodeLong();
        if (signalled == null || signalled != 0) {
            throw new IllegalStateException("no broker process to signal in container " + id + " (exit " + signalled + ")");
        }
        try {
            docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())
                    .awaitStatusCode(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
            return true;
        } catch (DockerClientException timedOut) {
            docker.killContainerCmd(id).exec();
            return false;
        }
    }

    /** The broker JVM's peak resident memory, from its status file inside the container. */
    public ProcessMemory memory() {
        try {
            Container.ExecResult status = kafka.execInContainer("sh", "-c", BROKER_STATUS);
            return ProcessMemory.ofProcStatus(status.getStdout(), "the broker's JVM in container " + kafka.getContainerId());
        } catch (IOException | RuntimeException e) {
            return ProcessMemory.unmeasured("cannot read the broker's status in its container: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProcessMemory.unmeasured("interrupted while reading the broker's status");
        }
    }

    /** Stops and removes the container; safe to call twice. */
    @Override
    public void close() {
        try {
            admin.close(Duration.ofSeconds(5));
        } finally {
            kafka.stop();
        }
    }

    // Taken now and bound when the container starts: another process may take it meanwhile, and the start fails.
    private static int freeHostPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on this machine for the Kafka container", e);
        }
    }
}
