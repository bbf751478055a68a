package dev.streamsmustflow.recovery.platform.k3s;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What the scenarios need of k3s's own system before the first deployment: a default storage class and
 * the local-path provisioner that makes the StatefulSet's volumes. Both come up after the API server,
 * from system images k3s may still be loading; waiting for them here keeps that out of a scenario's
 * ready timeout, and names what is missing when they never come.
 */
final class K3sSystem {

    static final String SYSTEM_NAMESPACE = "kube-system";
    static final String PROVISIONER = "local-path-provisioner";
    static final String DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";

    private K3sSystem() {
    }

    /**
     * Waits until nothing the scenarios need is missing.
     *
     * @throws IllegalStateException naming what is missing and the system pods' states, after {@code timeout}
     */
    static void awaitReady(KubernetesClient client, Duration timeout) {
        try {
            await("k3s's default storage class and " + PROVISIONER).atMost(timeout)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> missing(client), List::isEmpty);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("k3s was not ready for the scenarios within " + timeout + ": missing "
                    + missing(client) + "; pods in " + SYSTEM_NAMESPACE + ": " + systemPods(client), e);
        }
    }

    /** What the scenarios need and k3s does not have yet; empty when it has everything. */
    static List<String> missing(KubernetesClient client) {
        List<String> missing = new ArrayList<>();
        boolean defaultClass = client.storage().v1().storageClasses().list().getItems().stream()
                .map(StorageClass::getMetadata)
                .anyMatch(metadata -> metadata.getAnnotations() != null
                        && "true".equals(metadata.getAnnotations().get(DEFAULT_CLASS_ANNOTATION)));
        if (!defaultClass) {
            missing.add("a default StorageClass (k3s's local-path), for the StatefulSet's volume claims");
        }
        Deployment provisioner = client.apps().deployments().inNamespace(SYSTEM_NAMESPACE).withName(PROVISIONER).get();
        Integer available = provisioner == null || provisioner.getStatus() == null ? null
                : provisioner.getStatus().getAvailableReplicas();
        if (available == null || available < 1) {
            missing.add("an available " + SYSTEM_NAMESPACE + "/" + PROVISIONER + " (Deployment "
                    + (provisioner == null ? "not created" : "created, 0 available") + "), which makes the volumes");
        }
        return missing;
    }

    private static String systemPods(KubernetesClient client) {
        List<Pod> pods = client.pods().inNamespace(SYSTEM_NAMESPACE).list().getItems();
        if (pods.isEmpty()) {
            return "none";
        }
        return pods.stream().map(K3sSystem::describe).collect(Collectors.joining(", "));
    }

    private static String describe(Pod pod) {
        String phase = pod.getStatus() == null ? "no status" : pod.getStatus().getPhase();
        String waiting = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null ? ""
                : pod.getStatus().getContainerStatuses().stream()
                        .map(ContainerStatus::getState)
                        .filter(state -> state != null && state.getWaiting() != null)
                        .map(state -> " " + state.getWaiting().getReason())
                        .collect(Collectors.joining());
        return pod.getMetadata().getName() + " " + phase + waiting;
    }
}
