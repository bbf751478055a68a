package dev.streamsmustflow.recovery.platform.k3s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Waiting for what the scenarios need of k3s's system, against fabric8's mock API server (CRUD mode, no watches). */
@EnableKubernetesMockClient(crud = true, https = false)
class K3sSystemTest {

    KubernetesClient client;

    @Test
    void aFreshClusterMissesTheDefaultStorageClassAndTheProvisioner() {
        List<String> missing = K3sSystem.missing(client);

        assertEquals(2, missing.size(), missing.toString());
        assertTrue(missing.get(0).contains("default StorageClass"), missing.toString());
        assertTrue(missing.get(1).contains("kube-system/local-path-provisioner (Deployment not created)"),
                missing.toString());
    }

    @Test
    void theWaitEndsOnceTheProvisionerIsAvailable() {
        defaultStorageClass();
        client.apps().deployments().inNamespace("kube-system").resource(provisioner(0)).create();

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(
                () -> K3sSystem.awaitReady(client, Duration.ofSeconds(20)));
        client.apps().deployments().inNamespace("kube-system").resource(provisioner(1)).updateStatus();

        waiting.join();
        assertEquals(List.of(), K3sSystem.missing(client));
    }

    @Test
    void aProvisionerThatNeverComesIsNamedWithTheSystemPodsStates() {
        defaultStorageClass();
        client.apps().deployments().inNamespace("kube-system").resource(provisioner(0)).create();
        client.pods().inNamespace("kube-system").resource(new PodBuilder()
                .withNewMetadata().withName("local-path-provisioner-6795b5f9d8-x7k2p").endMetadata()
                .withNewStatus().withPhase("Pending").addNewContainerStatus().withName("local-path-provisioner")
                    .withNewState().withNewWaiting().withReason("ErrImageNeverPull").endWaiting().endState()
                    .endContainerStatus().endStatus()
                .build()).create();

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> K3sSystem.awaitReady(client, Duration.ofSeconds(1)));

        String message = error.getMessage();
        assertTrue(message.startsWith("k3s was not ready for the scenarios within PT1S: missing [an available "
                + "kube-system/local-path-provisioner (Deployment created, 0 available)"), message);
        assertTrue(message.contains("local-path-provisioner-6795b5f9d8-x7k2p Pending ErrImageNeverPull"), message);
    }

    private void defaultStorageClass() {
        client.storage().v1().storageClasses().resource(new StorageClassBuilder()
                .withNewMetadata().withName("local-path")
                    .addToAnnotations("storageclass.kubernetes.io/is-default-class", "true").endMetadata()
                .withProvisioner("rancher.io/local-path").build()).create();
    }

    private static Deployment provisioner(int available) {
        return new DeploymentBuilder()
                .withNewMetadata().withName("local-path-provisioner").withNamespace("kube-system").endMetadata()
                .withNewSpec().withReplicas(1).endSpec()
                .withNewStatus().withAvailableReplicas(available).endStatus()
                .build();
    }
}
