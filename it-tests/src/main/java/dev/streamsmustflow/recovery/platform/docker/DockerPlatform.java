package dev.streamsmustflow.recovery.platform.docker;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.ShippedManifests;
import dev.streamsmustflow.recovery.deployment.descriptor.AppArtifacts;
import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.platform.ProcessMemory;
import dev.streamsmustflow.recovery.platform.container.AppImage;
import dev.streamsmustflow.recovery.platform.container.DockerPreflight;
import dev.streamsmustflow.recovery.platform.container.KafkaInContainer;
import dev.streamsmustflow.recovery.platform.container.NeededImage;
import dev.streamsmustflow.recovery.platform.container.SessionReaper;
import dev.streamsmustflow.recovery.platform.controller.PodController;
import dev.streamsmustflow.recovery.platform.process.AppJar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Network;

/**
 * Real containers without Kubernetes: Kafka in a {@code KafkaContainer} and the app's pods as
 * containers of the image users deploy, on one Docker network, driven by Testcontainers. StatefulSet
 * and Deployment semantics are played by a {@link PodController}, as on the local platform; the
 * faults go through the engine (kill, stop, pause, restart).
 */
public final class DockerPlatform implements Platform {

    /** {@code skip}: never run the docker scenarios; {@code require}: fail where they cannot run; {@code auto}. */
    public static final String MODE_PROPERTY = "recovery.docker";
    static final List<NeededImage> IMAGES = List.of(KafkaInContainer.IMAGE, AppImage.NEEDED);
    /** Short enough that a machine without a registry skips within seconds. */
    private static final Duration PULL_TIMEOUT = Duration.ofSeconds(20);
    /** Where an image declares its version (OCI's annotation, as a label). */
    static final String IMAGE_VERSION_LABEL = "org.opencontainers.image.version";

    private final Path runDir;
    private final Network network;
    private final KafkaInContainer kafka;
    private final String appImage;
    private final Duration terminationGrace;

    private DockerPlatform(Path runDir, Network network, KafkaInContainer kafka, String appImage) {
        this.runDir = runDir;
        this.network = network;
        this.kafka = kafka;
        this.appImage = appImage;
        this.terminationGrace = ShippedManifests.terminationGrace();
    }

    /** Why the docker scenarios cannot run here, or null when they can. */
    public static String unavailableBecause() {
        DockerPreflight.Availability availability = check();
        return availability.usable() ? null : availability.reason()
                + (availability.reason().contains(AppImage.NAME) ? " (scripts/offline-images builds it)" : "");
    }

    /** Whether the docker scenarios fail instead of skipping where they cannot run ({@code -Drecovery.docker=require}). */
    public static boolean required() {
        return DockerPreflight.required(MODE_PROPERTY);
    }

    /** Starts Kafka on a new network; everything of this platform is removed at {@link #close()}, or by the session reaper. */
    public static DockerPlatform start(Path runDir) {
        DockerPreflight.Availability availability = check();
        if (!availability.usable()) {
            throw new IllegalStateException("the docker platform cannot run here: " + availability.reason());
        }
        SessionReaper.watch(runDir.resolve("session-reaper.log"));
        Network network = Network.newNetwork();
        try {
            KafkaInContainer kafka = KafkaInContainer.start(network, availability.image(KafkaInContainer.IMAGE.official()));
            return new DockerPlatform(runDir, network, kafka, availability.image(AppImage.NAME));
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    private static DockerPreflight.Availability check() {
        return DockerPreflight.check(MODE_PROPERTY, IMAGES, PULL_TIMEOUT);
    }

    @Override
    public PlatformKind kind() {
        return PlatformKind.DOCKER;
    }

    @Override
    public String description() {
        return "docker: " + kafka.imageDescription() + " and the app's image (trade-stats' " + appImage + ", or a "
                + "described app's own) in Testcontainers on "
                + "the Docker engine of this machine; pods are containers with the manifests' security (user, "
                + "read-only root, tmpfs /tmp, no capabilities, memory limit); StatefulSet and Deployment semantics are "
                + "simulated, this is not Kubernetes";
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServersForHarness();
    }

    @Override
    public Admin admin() {
        return kafka.admin();
    }

    @Override
    public ProcessMemory brokerMemory() {
        return kafka.memory();
    }

    @Override
    public void restartBroker(History history) {
        kafka.restart(history, bootstrapServers());
    }

    @Override
    public DeployedApp deploy(DeploymentSpec spec, History history) {
        ContainerApp app = spec.described() == null ? ContainerApp.tradeStats(appImage) : described(spec);
        String volumePrefix = "smf-" + SessionReaper.label().substring(0, 8) + "-" + spec.applicationId();
        DockerPodRuntime runtime = new DockerPodRuntime(DockerClientFactory.instance().client(), network, app,
                kafka.bootstrapServersForContainers(), ShippedManifests.podTemplate(), volumePrefix,
                runDir.resolve(spec.applicationId()).resolve("pods"), history,
                // The engine's own SIGKILL comes only after the controller gave up waiting and killed.
                (int) terminationGrace.toSeconds() * 2);
        return new PodController(spec, runtime, history, terminationGrace);
    }

    /** A described app's image's {@code org.opencontainers.image.version} label: what the docker platform runs. */
    @Override
    public String declaredVersion(AppArtifacts app) {
        if (app.image() == null) {
            return null;
        }
        try {
            Map<String, String> labels = DockerClientFactory.instance().client().inspectImageCmd(app.image()).exec()
                    .getConfig().getLabels();
            return labels == null ? null : labels.get(IMAGE_VERSION_LABEL);
        } catch (NotFoundException gone) {
            return null;
        }
    }

    /**
     * A described app's image, present or pulled before any pod starts, the recovery agent mounted.
     *
     * @throws IllegalArgumentException when the descriptor names no image, or the image is neither here nor pullable
     */
    private static ContainerApp described(DeploymentSpec spec) {
        String problem = describedImageUnavailableBecause(spec.described());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return ContainerApp.described(spec, spec.described().app().image(), AppJar.agent());
    }

    /**
     * Why a described app's image cannot run here (not given, neither present nor pullable), or null when it can.
     * Asks the engine; call it once the engine is known to answer.
     */
    public static String describedImageUnavailableBecause(AppDescriptor descriptor) {
        String image = descriptor.app().image();
        if (image == null) {
            return descriptor.name() + " gives no image (app.image): the docker platform runs an app's image";
        }
        return DockerPreflight.imageUnavailableBecause(image, PULL_TIMEOUT).orElse(null);
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            network.close();
        }
    }
}
