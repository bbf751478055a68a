package dev.streamsmustflow.recovery.platform.kubernetes;

import static org.awaitility.Awaitility.await;

import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.platform.Deletion;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.PodView;
import dev.streamsmustflow.recovery.platform.ProcessSignal;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The application deployed on Kubernetes from the rendered manifests of its variant, edited only
 * where a run must (image, namespace, Kafka address, replicas, app settings). Pods are deleted and
 * scaled through the Kubernetes API, crashed, killed in place and frozen from their node; pod events
 * come from a watch, telemetry from the containers' logs.
 */
final class KubernetesDeployedApp implements DeployedApp {

    static final String APP_LABEL = "app.kubernetes.io/name";
    static final Duration TEARDOWN_TIMEOUT = Duration.ofMinutes(3);
    /** A SIGKILLed process is gone once its shim has reaped it: milliseconds, but the node may be busy. */
    static final Duration PROCESS_GONE_WITHIN = Duration.ofSeconds(30);

    private final KubernetesClient client;
    private final String namespace;
    private final DeploymentSpec spec;
    private final ContainerSignals signals;
    private final History history;
    private final Path logDir;
    private final List<HasMetadata> objects;
    private final PodTracker pods;
    private final LogFollower logs;
    private final SharedIndexInformer<Pod> informer;
    private volatile int wanted;

    /** Follows the log of each app container as it starts. */
    interface LogFollower extends AutoCloseable {

        void follow(String pod, String uid, int restart);

        @Override
        void close();
    }

    /** @param signals signals a container's process from its node, or null where the platform cannot */
    KubernetesDeployedApp(KubernetesClient client, String namespace, List<HasMetadata> objects, DeploymentSpec spec,
            History history, ContainerSignals signals, Path logDir) {
        this(client, namespace, objects, spec, history, signals, logDir,
                new PodLogFollower(client, namespace, ManifestEdits.APP_CONTAINER, logDir, history));
    }

    /**
     * @param logs follows the containers' logs: a {@link PodLogFollower} on a real API server; a test
     *     against fabric8's mock server, which serves no pod logs, passes its own
     */
    KubernetesDeployedApp(KubernetesClient client, String namespace, List<HasMetadata> objects, DeploymentSpec spec,
            History history, ContainerSignals signals, Path logDir, LogFollower logs) {
        this.client = client;
        this.namespace = namespace;
        this.spec = spec;
        this.signals = signals;
        this.history = history;
        this.logDir = logDir;
        this.objects = objects;
        this.wanted = spec.replicas();
        this.logs = logs;
        this.pods = new PodTracker(ManifestEdits.APP_CONTAINER, history,
                (pod, restart) -> logs.follow(pod.getMetadata().getName(), pod.getMetadata().getUid(), restart));
        this.informer = client.pods().inNamespace(namespace).withLabel(APP_LABEL, DeploymentSpec.APP_NAME).inform(pods);
        client.resourceList(objects).inNamespace(namespace).create();
    }

    @Override
    public List<PodView> pods() {
        return pods.views();
    }

    @Override
    public int wantedReplicas() {
        return wanted;
    }

    @Override
    public void deletePod(PodView pod, Deletion deletion) {
        PodResource resource = client.pods().inNamespace(namespace).withName(pod.name());
        if (deletion == Deletion.IMMEDIATE) {
            crash(pod, resource);
        } else {
            // The pod's own terminationGracePeriodSeconds applies, as for kubectl delete pod.
            resource.delete();
        }
    }

    /**
     * A crash and the pod's deletion. A delete with grace period 0 alone is no crash: it removes the API
     * object at once, but the kubelet still stops the container with SIGTERM and a grace period, so the
     * app closes cleanly, and a StatefulSet may already start the replacement on the same volume while
     * the old process runs. A kill from the node alone is no deletion: the kubelet restarts the
     * container. So: the process is frozen (SIGSTOP) before the pod is deleted, which leaves it unable to
     * act on the kubelet's SIGTERM; the pod is deleted with grace period 0 before the process is killed
     * (SIGKILL), which leaves the kubelet no container to restart, as a deleted pod's containers are not
     * restarted. The process's exit is recorded at the kill, and this returns once the node no longer has
     * the process, so that no replacement can meet it on the volume.
     */
    private void crash(PodView pod, PodResource resource) {
        ContainerSignals node = requireSignals();
        long pid = node.send(pod.uid(), ManifestEdits.APP_CONTAINER, ProcessSignal.STOP);
        try {
            pods.killing(pod.uid());
            resource.withGracePeriod(0).delete();
        } catch (RuntimeException e) {
            pods.spared(pod.uid());
            node.send(pid, ProcessSignal.CONT); // not left frozen by a crash that did not happen
            throw e;
        }
        node.send(pid, ProcessSignal.KILL); // false: the kubelet killed it first, and it was frozen until then
        pods.killed(pod.name(), pod.uid(), pid);
        await("process " + pid + " of pod " + pod.name() + " (" + pod.uid() + ") gone from the node after SIGKILL")
                .atMost(PROCESS_GONE_WITHIN)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !node.exists(pid));
    }

    @Override
    public void killProcess(PodView pod) {
        signal(pod, ProcessSignal.KILL);
    }

    @Override
    public void pause(PodView pod) {
        signal(pod, ProcessSignal.STOP);
        history.record(EventType.CONTAINER_PAUSED, pod.name(), pod.uid(), Map.of());
    }

    @Override
    public void resume(PodView pod) {
        signal(pod, ProcessSignal.CONT);
        history.record(EventType.CONTAINER_RESUMED, pod.name(), pod.uid(), Map.of());
    }

    private void signal(PodView pod, ProcessSignal signal) {
        requireSignals().send(pod.uid(), ManifestEdits.APP_CONTAINER, signal);
    }

    private ContainerSignals requireSignals() {
        if (signals == null) {
            throw new UnsupportedOperationException("signalling a pod's process needs access to its node, which "
                    + "this platform does not have");
        }
        return signals;
    }

    @Override
    public void scaleTo(int replicas) {
        wanted = replicas;
        workload().scale(replicas);
    }

    @Override
    public Path logDirectory() {
        return logDir;
    }

    /** Deletes what was created, the StatefulSet's volume claims too, and waits until no pod is left. */
    @Override
    public void close() {
        try {
            client.resourceList(objects).inNamespace(namespace).delete();
            client.persistentVolumeClaims().inNamespace(namespace).withLabel(APP_LABEL, DeploymentSpec.APP_NAME).delete();
            await("pods of " + spec.applicationId() + " gone from namespace " + namespace)
                    .atMost(TEARDOWN_TIMEOUT)
                    .until(() -> client.pods().inNamespace(namespace).withLabel(APP_LABEL, DeploymentSpec.APP_NAME).list()
                            .getItems().isEmpty());
        } finally {
            informer.close();
            logs.close();
        }
    }

    private RollableScalableResource<? extends HasMetadata> workload() {
        return spec.variant() == Variant.STATEFUL_SET
                ? client.apps().statefulSets().inNamespace(namespace).withName(workloadName(StatefulSet.class))
                : client.apps().deployments().inNamespace(namespace).withName(workloadName(Deployment.class));
    }

    private String workloadName(Class<? extends HasMetadata> kind) {
        return objects.stream().filter(kind::isInstance).map(object -> object.getMetadata().getName()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the manifests of " + spec.variant() + " have no "
                        + kind.getSimpleName()));
    }
}
