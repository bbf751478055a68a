package dev.streamsmustflow.recovery.platform.k3s;

import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.platform.kubernetes.KubernetesPlatform;
import dev.streamsmustflow.recovery.platform.kubernetes.Manifests;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Real Kubernetes in Testcontainers: k3s and an {@code apache/kafka} broker on one network, the app's
 * Jib image imported into k3s's containerd, the manifests applied into a namespace that enforces the
 * "restricted" Pod Security Standard.
 */
public final class K3sPlatform {

    static final String NAMESPACE = "recovery";
    /** Short enough that a machine without Docker or registry skips within seconds. */
    static final Duration PULL_TIMEOUT = Duration.ofSeconds(20);

    private K3sPlatform() {
    }

    /** Why k3s cannot run here, or null when it can (Docker usable, images available, image tar built). */
    public static String unavailableBecause() {
        ContainerRuntime.Availability availability = ContainerRuntime.check(K3sEnvironment.IMAGES, PULL_TIMEOUT);
        if (!availability.usable()) {
            return availability.reason();
        }
        if (!Files.isRegularFile(K3sEnvironment.appImageTar())) {
            return "the app's image tar " + K3sEnvironment.appImageTar() + " is missing: build it with "
                    + "./mvnw -B -Pimage -pl app package (Jib needs registry access for the base image)";
        }
        if (!Manifests.kubectlAvailable()) {
            return "kubectl, which renders the manifests, is missing: " + Manifests.kubectlProblem();
        }
        return null;
    }

    public static KubernetesPlatform start(Path runDir) {
        K3sEnvironment k3s = K3sEnvironment.start();
        try {
            k3s.importImage(K3sEnvironment.appImageTar());
            KubernetesClient client = new KubernetesClientBuilder()
                    .withConfig(Config.fromKubeconfig(k3s.kubeConfigYaml())).build();
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE)
                    .addToLabels("pod-security.kubernetes.io/enforce", "restricted").endMetadata().build()).create();
            KubernetesPlatform.Settings settings = new KubernetesPlatform.Settings(PlatformKind.K3S.toString(),
                    "k3s: " + K3sEnvironment.K3S_IMAGE + " and " + K3sEnvironment.KAFKA_IMAGE + " in Testcontainers (one node, "
                            + "one broker) on this machine; namespace " + NAMESPACE + " enforces the restricted Pod Security Standard",
                    NAMESPACE, k3s.bootstrapServersForHarness(), k3s.bootstrapServersForPods(),
                    Map.of(k3s.kafkaHostAlias(), k3s.kafkaIpOnNetwork()), K3sEnvironment.APP_IMAGE, "Never");
            return new KubernetesPlatform(settings, client, k3s::signalContainerProcess, runDir).closing(k3s);
        } catch (RuntimeException e) {
            k3s.close();
            throw e;
        }
    }
}
