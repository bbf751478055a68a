package dev.streamsmustflow.recovery.platform.kubernetes;

import static org.awaitility.Awaitility.await;

import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.PodView;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The application deployed on Kubernetes from the rendered manifests of its variant, edited only
 * where a run must (image, namespace, Kafka address, replicas, app settings). Faults go through the
 * Kubernetes API; pod events come from a watch, telemetry from the containers' logs.
 */
final class KubernetesDeployedApp implements DeployedApp {

    static final String APP_LABEL = "app.kubernetes.io/name";
    static final String APP_NAME = "trade-stats";
    static final Duration TEARDOWN_TIMEOUT = Duration.ofMinutes(3);

    private final KubernetesClient client;
    private final String namespace;
    private final DeploymentSpec spec;
    private final History history;
    private final ContainerKiller killer;
    private final Path logDir;
    private final List<HasMetadata> objects;
    private final PodTracker pods;
    private final PodLogFollower logs;
    private final SharedIndexInformer<Pod> informer;
    private int wanted;

    KubernetesDeployedApp(KubernetesClient client, String namespace, List<HasMetadata> objects, DeploymentSpec spec,
            History history, ContainerKiller killer, Path logDir) {
        this.client = client;
        this.namespace = namespace;
        this.spec = spec;
        this.history = history;
        this.killer = killer;
        this.logDir = logDir;
        this.objects = objects;
        this.wanted = spec.replicas();
        this.logs = new PodLogFollower(client, namespace, ManifestEdits.APP_CONTAINER, logDir, history);
        this.pods = new PodTracker(ManifestEdits.APP_CONTAINER, history,
                (pod, restart) -> logs.follow(pod.getMetadata().getName(), pod.getMetadata().getUid(), restart));
        this.informer = client.pods().inNamespace(namespace).withLabel(APP_LABEL, APP_NAME).inform(pods);
        client.resourceList(objects).inNamespace(namespace).create();
    }

    @Override
    public List<PodView> pods() {
        return pods.views();
    }

    @Override
    public void awaitReady(Duration timeout) {
        await("all " + wanted + " pods of " + spec.applicationId() + " in namespace " + namespace + " ready (logs in "
                + logDir + ")")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    List<PodView> now = pods();
                    return now.size() == wanted && now.stream().allMatch(PodView::ready);
                });
    }

    @Override
    public HistoryEvent inject(Fault fault) {
        List<PodView> live = pods().stream().filter(PodView::running).toList();
        List<PodView> targets = fault.targetsAmong(live);
        HistoryEvent event = history.recordFault(fault, targets.stream().map(PodView::name).toList(), targets.stream().map(PodView::uid).toList());
        switch (fault) {
            case POD_KILL, KILL_ALL -> targets.forEach(pod ->
                    client.pods().inNamespace(namespace).withName(pod.name()).withGracePeriod(0).delete());
            case POD_DELETE -> client.pods().inNamespace(namespace).withName(targets.get(0).name()).delete();
            case CONTAINER_KILL -> {
                if (killer == null) {
                    throw new UnsupportedOperationException("CONTAINER_KILL needs access to the node, which this platform "
                            + "does not have");
                }
                killer.kill(targets.get(0).uid(), ManifestEdits.APP_CONTAINER);
            }
            case ROLLING_RESTART -> workload().rolling().restart();
            case SCALE_OUT -> workload().scale(++wanted);
            case SCALE_IN -> workload().scale(--wanted);
        }
        return event;
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
            client.persistentVolumeClaims().inNamespace(namespace).withLabel(APP_LABEL, APP_NAME).delete();
            await("pods of " + spec.applicationId() + " gone from namespace " + namespace)
                    .atMost(TEARDOWN_TIMEOUT)
                    .until(() -> client.pods().inNamespace(namespace).withLabel(APP_LABEL, APP_NAME).list().getItems().isEmpty());
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
