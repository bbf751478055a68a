package dev.streamsmustflow.recovery.platform.k3s;

import com.github.dockerjava.api.model.ContainerNetwork;
import dev.streamsmustflow.recovery.platform.container.AppImage;
import dev.streamsmustflow.recovery.platform.container.DockerPreflight;
import dev.streamsmustflow.recovery.platform.container.KafkaInContainer;
import dev.streamsmustflow.recovery.platform.container.NeededImage;
import dev.streamsmustflow.recovery.platform.kubernetes.ContainerSignals;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * Docker network. Check {@link DockerPreflight#check} with {@link #IMAGES} before starting it.
 *
 * <p>Pods run in k3s's own containerd and do not use Docker's DNS, so the broker's network alias does
 * not resolve from them: a deployment maps {@link #kafkaHostAlias()} to {@link #kafkaIpOnNetwork()}
 * with {@code hostAliases} and connects to {@link #bootstrapServersForPods()}.
 */
public final class K3sContainers implements AutoCloseable {

    public static final String K3S_IMAGE = "rancher/k3s:v1.31.4-k3s1";
    /**
     * What {@link DockerPreflight#check} must find or pull before these containers can start: the app's
     * image too, which is imported from the local engine into k3s (scripts/offline-images builds it).
     */
    public static final List<NeededImage> IMAGES = List.of(KafkaInContainer.IMAGE, NeededImage.official(K3S_IMAGE),
            AppImage.NEEDED);

    private static final String IMAGE_TAR_ON_NODE = "/tmp/imported-image.tar";

    private final Network network;
    private final KafkaContainer kafkaContainer;
    private KafkaInContainer kafka;
    private final K3sContainer k3s;

    private K3sContainers(Network network, KafkaContainer kafkaContainer, K3sContainer k3s) {
        this.network = network;
        this.kafkaContainer = kafkaContainer;
        this.k3s = k3s;
    }

    /**
     * Starts both containers in parallel; stops whatever started if either fails.
     *
     * @param kafkaImage {@code apache/kafka}, or the image scripts/offline-images built in its place
     * @param k3sImage {@link #K3S_IMAGE} as {@link DockerPreflight#check} found it
     */
    public static K3sContainers start(String kafkaImage, String k3sImage) {
        Network network = Network.newNetwork();
        KafkaContainer kafka = KafkaInContainer.create(network, kafkaImage);
        K3sContainer k3s = new K3sContainer(DockerImageName.parse(k3sImage)).withNetwork(network);
        K3sContainers containers = new K3sContainers(network, kafka, k3s);
        try {
            Startables.deepStart(kafka, k3s).join();
            containers.kafka = KafkaInContainer.started(kafka);
        } catch (CompletionException e) {
            containers.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return containers;
    }

    /** The Kafka image that runs, for descriptions. */
    public String kafkaImage() {
        return kafkaContainer.getDockerImageName();
    }

    /** Host-mapped: for the workload producer, the oracle and the admin client. */
    public String bootstrapServersForHarness() {
        return kafka.bootstrapServersForHarness();
    }

    /** For pods, which resolve {@link #kafkaHostAlias()} through their hostAliases. */
    public String bootstrapServersForPods() {
        return kafka.bootstrapServersForContainers();
    }

    public String kafkaHostAlias() {
        return kafka.networkAlias();
    }

    /** The broker's IP address on the shared network, reachable from pods through the k3s node. */
    public String kafkaIpOnNetwork() {
        return kafkaContainer.getContainerInfo().getNetworkSettings().getNetworks().values().stream()
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

    /**
     * Copies an image from the local Docker engine ({@code docker save}) into the node's containerd, where
     * pods find it under the same name.
     */
    public void importImage(String image) {
        DockerImageName name = DockerImageName.parse(image);
        Path tar;
        try {
            tar = Files.createTempFile("k3s-import-", ".tar");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary file for the image " + image, e);
        }
        try {
            try (InputStream saved = k3s.getDockerClient().saveImageCmd(name.getUnversionedPart())
                    .withTag(name.getVersionPart()).exec()) {
                Files.copy(saved, tar, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("could not save the image " + image + " from the Docker engine", e);
            }
            k3s.copyFileToContainer(MountableFile.forHostPath(tar), IMAGE_TAR_ON_NODE);
        } finally {
            try {
                Files.deleteIfExists(tar);
            } catch (IOException e) {
                tar.toFile().deleteOnExit();
            }
        }
        NodeProcessSignals.CommandResult imported = onNode("ctr", "-n", "k8s.io", "images", "import", IMAGE_TAR_ON_NODE);
        onNode("rm", "-f", IMAGE_TAR_ON_NODE);
        if (imported.exitCode() != 0) {
            throw new IllegalStateException("importing " + image + " into k3s failed: 'ctr -n k8s.io images import' "
                    + "exited with " + imported.exitCode() + ": " + imported.stderr().strip());
        }
    }

    /** Signals to the pods' processes from the node, the k3s container. */
    public ContainerSignals nodeSignals() {
        return new NodeProcessSignals(this::onNode);
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

    /** Stops both containers and removes the network; the session reaper removes them if this JVM dies first. */
    @Override
    public void close() {
        try {
            k3s.stop();
        } finally {
            try {
                if (kafka != null) {
                    kafka.close();
                } else {
                    kafkaContainer.stop();
                }
            } finally {
                network.close();
            }
        }
    }
}
