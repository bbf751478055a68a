package dev.streamsmustflow.recovery.platform.k3s;

import com.github.dockerjava.api.model.ContainerNetwork;
import dev.streamsmustflow.recovery.platform.ProcessSignal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.Network;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Where the k3s platform runs: a Kafka broker and a one-node k3s cluster, two containers on one
 * Docker network. Check {@link ContainerRuntime#check} with {@link #IMAGES} before starting it.
 *
 * <p>Pods run in k3s's own containerd and do not use Docker's DNS, so the broker's network alias does
 * not resolve from them: a deployment maps {@link #kafkaHostAlias()} to {@link #kafkaIpOnNetwork()}
 * with {@code hostAliases} and connects to {@link #bootstrapServersForPods()}.
 */
public final class K3sEnvironment implements AutoCloseable {

    /** The broker version of the local platform (kafka.version), so that both platforms run the same Kafka. */
    public static final String KAFKA_IMAGE = "apache/kafka:4.4.0";
    public static final String K3S_IMAGE = "rancher/k3s:v1.31.4-k3s1";
    /** What {@link ContainerRuntime#check} must find or pull before this environment can start. */
    public static final List<String> IMAGES = List.of(KAFKA_IMAGE, K3S_IMAGE);

    /** The application image, as named inside the Jib tar and in the manifests. */
    public static final String APP_IMAGE = "streams-must-flow/trade-stats:0.1.0-SNAPSHOT";
    public static final String IMAGE_TAR_PROPERTY = "trade-stats.image-tar";

    private static final String KAFKA_HOST_ALIAS = "kafka";
    private static final int KAFKA_POD_PORT = 19092;
    private static final String IMAGE_TAR_ON_NODE = "/tmp/imported-image.tar";

    private final Network network;
    private final KafkaContainer kafka;
    private final K3sContainer k3s;

    private K3sEnvironment(Network network, KafkaContainer kafka, K3sContainer k3s) {
        this.network = network;
        this.kafka = kafka;
        this.k3s = k3s;
    }

    /** Starts both containers in parallel; stops whatever started if either fails. */
    public static K3sEnvironment start() {
        Network network = Network.newNetwork();
        // The extra listener binds to the broker's address on the network and advertises kafka:19092.
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
                .withNetwork(network)
                .withListener(KAFKA_HOST_ALIAS + ":" + KAFKA_POD_PORT);
        K3sContainer k3s = new K3sContainer(DockerImageName.parse(K3S_IMAGE)).withNetwork(network);
        K3sEnvironment environment = new K3sEnvironment(network, kafka, k3s);
        try {
            Startables.deepStart(kafka, k3s).join();
        } catch (CompletionException e) {
            environment.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return environment;
    }

    /**
     * Where the Jib image tar is expected: {@code -Dtrade-stats.image-tar}, by default the app module's
     * build output. It may not exist yet; {@link #importImage} says so.
     */
    public static Path appImageTar() {
        return Path.of(System.getProperty(IMAGE_TAR_PROPERTY, "../app/target/trade-stats-image.tar"))
                .toAbsolutePath().normalize();
    }

    /** Host-mapped: for the workload producer, the oracle and the admin client. */
    public String bootstrapServersForHarness() {
        return kafka.getBootstrapServers();
    }

    /** For pods, which resolve {@link #kafkaHostAlias()} through their hostAliases. */
    public String bootstrapServersForPods() {
        return KAFKA_HOST_ALIAS + ":" + KAFKA_POD_PORT;
    }

    public String kafkaHostAlias() {
        return KAFKA_HOST_ALIAS;
    }

    /** The broker's IP address on the shared network, reachable from pods through the k3s node. */
    public String kafkaIpOnNetwork() {
        return kafka.getContainerInfo().getNetworkSettings().getNetworks().values().stream()
                .filter(attachment -> network.getId().equals(attachment.getNetworkID()))
                .map(ContainerNetwork::getIpAddress)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the Kafka container is not attached to network "
                        + network.getId()));
    }

    /** For a client on this machine (fabric8: {@code Config.fromKubeconfig(yaml)}). */
    public String kubeConfigYaml() {
        return k3s.getKubeConfigYaml();
    }

    /** Imports an image tar (docker-archive, as Jib writes it) into the node's containerd, where pods find it. */
    public void importImage(Path tarFile) {
        if (!Files.isRegularFile(tarFile)) {
            throw new IllegalArgumentException("no image tar at " + tarFile + " (the app's is built by "
                    + "./mvnw -pl app -am package jib:buildTar; -D" + IMAGE_TAR_PROPERTY + " points elsewhere)");
        }
        k3s.copyFileToContainer(MountableFile.forHostPath(tarFile), IMAGE_TAR_ON_NODE);
        NodeProcessSignals.CommandResult imported = onNode("ctr", "-n", "k8s.io", "images", "import", IMAGE_TAR_ON_NODE);
        onNode("rm", "-f", IMAGE_TAR_ON_NODE);
        if (imported.exitCode() != 0) {
            throw new IllegalStateException("importing " + tarFile + " into k3s failed: 'ctr -n k8s.io images import' "
                    + "exited with " + imported.exitCode() + ": " + imported.stderr().strip());
        }
    }

    /** A signal to a container's process from the node: KILL (the kubelet restarts it in the same pod), STOP, CONT. */
    public long signalContainerProcess(String podUid, String containerName, ProcessSignal signal) {
        return new NodeProcessSignals(this::onNode).send(podUid, containerName, signal);
    }

    private NodeProcessSignals.CommandResult onNode(String... command) {
        try {
            ExecResult result = k3s.execInContainer(command);
            return new NodeProcessSignals.CommandResult(result.getExitCode(), result.getStdout(), result.getStderr());
        } catch (IOException e) {
            throw new IllegalStateException("could not run '" + String.join(" ", command) + "' in k3s: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running '" + String.join(" ", command) + "' in k3s", e);
        }
    }

    /** Stops both containers and removes the network; Ryuk removes them too if this JVM dies first. */
    @Override
    public void close() {
        try {
            k3s.stop();
        } finally {
            try {
                kafka.stop();
            } finally {
                network.close();
            }
        }
    }
}
