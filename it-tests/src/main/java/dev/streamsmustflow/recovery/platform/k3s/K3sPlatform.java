package dev.streamsmustflow.recovery.platform.k3s;

import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.platform.container.AppImage;
import dev.streamsmustflow.recovery.platform.container.DockerPreflight;
import dev.streamsmustflow.recovery.platform.container.KafkaInContainer;
import dev.streamsmustflow.recovery.platform.container.SessionReaper;
import dev.streamsmustflow.recovery.platform.kubernetes.KubernetesPlatform;
import dev.streamsmustflow.recovery.platform.kubernetes.Manifests;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Real Kubernetes in Testcontainers: k3s and an {@code apache/kafka} broker on one network, the app's
 * image (scripts/offline-images) imported from the local engine into k3s's containerd, the manifests
 * applied into a namespace that enforces the
 * "restricted" Pod Security Standard.
 */
public final class K3sPlatform {

    /** {@code skip}: never run the k3s scenarios; {@code require}: fail where they cannot run; {@code auto}. */
    public static final String MODE_PROPERTY = "recovery.k3s";

    static final String NAMESPACE = "recovery";
    /** Short enough that a machine without Docker or registry skips within seconds. */
    static final Duration PULL_TIMEOUT = Duration.ofSeconds(20);
    /** k3s loads its system images from the image's own tarball; on a busy 2-core runner that can take a while. */
    static final Duration SYSTEM_READY_TIMEOUT = Duration.ofMinutes(3);

    private K3sPlatform() {
    }

    /** Why k3s cannot run here, or null when it can (Docker usable, images available, the app's built, kubectl). */
    public static String unavailableBecause() {
        DockerPreflight.Availability availability = check();
        if (!availability.usable()) {
            return availability.reason();
        }
        if (!Manifests.kubectlAvailable()) {
            return "kubectl, which renders the manifests, is missing: " + Manifests.kubectlProblem();
        }
        return null;
    }

    /** Whether the k3s scenarios fail instead of skipping where they cannot run ({@code -Drecovery.k3s=require}). */
    public static boolean required() {
        return DockerPreflight.required(MODE_PROPERTY);
    }

    private static DockerPreflight.Availability check() {
        return DockerPreflight.check(MODE_PROPERTY, K3sContainers.IMAGES, PULL_TIMEOUT);
    }

    public static KubernetesPlatform start(Path runDir) {
        DockerPreflight.Availability availability = check();
        if (!availability.usable()) {
            throw new IllegalStateException("k3s cannot run here: " + availability.reason());
        }
        SessionReaper.watch(runDir.resolve("session-reaper.log"));
        K3sContainers k3s = K3sContainers.start(availability.image(KafkaInContainer.IMAGE.official()),
                availability.image(K3sContainers.K3S_IMAGE));
        KubernetesClient client = null;
        try {
            k3s.importImage(availability.image(AppImage.NAME));
            client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(k3s.kubeConfigYaml())).build();
            K3sSystem.awaitReady(client, SYSTEM_READY_TIMEOUT);
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE)
                    .addToLabels("pod-security.kubernetes.io/enforce", "restricted").endMetadata().build()).create();
            KubernetesPlatform.Settings settings = new KubernetesPlatform.Settings(PlatformKind.K3S,
                    "k3s: " + K3sContainers.K3S_IMAGE + " and " + k3s.kafkaImage() + " in Testcontainers (one node, "
                            + "one broker) on this machine; namespace " + NAMESPACE + " enforces the restricted Pod Security Standard",
                    NAMESPACE, k3s.bootstrapServersForHarness(), k3s.bootstrapServersForPods(),
                    Map.of(k3s.kafkaHostAlias(), k3s.kafkaIpOnNetwork()), AppImage.NAME, "Never");
            return new KubernetesPlatform(settings, client, k3s.nodeSignals(), runDir).closing(k3s);
        } catch (RuntimeException e) {
            if (client != null) {
                client.close();
            }
            k3s.close();
            throw e;
        }
    }
}
