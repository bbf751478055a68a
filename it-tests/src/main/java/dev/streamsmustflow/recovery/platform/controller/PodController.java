package dev.streamsmustflow.recovery.platform.controller;

import dev.streamsmustflow.recovery.deployment.AppVariable;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.PodManagementPolicy;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.AppEvent;
import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.platform.Deletion;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.PodView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * A stand-in for a Kubernetes controller and kubelet, for the platforms without Kubernetes (local,
 * docker): keeps the wanted number of pods running with StatefulSet or Deployment semantics, restarts
 * a dead container in place, and deletes, kills, pauses and scales on request. Its {@link PodRuntime}
 * runs the containers. It is not Kubernetes and never claims to be.
 */
public final class PodController implements DeployedApp {

    private final DeploymentSpec spec;
    private final PodRuntime runtime;
    private final History history;
    private final Duration terminationGrace;
    private final Random names;
    private final List<ControlledPod> pods = new ArrayList<>();
    /** Starts containers, each on its own thread: a kubelet starts the pods it is given side by side. */
    private final ExecutorService kubelet = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "pod-start");
        thread.setDaemon(true);
        return thread;
    });
    private int wanted;
    /** How many StatefulSet ordinals ever existed: their volumes outlive the pods until teardown. */
    private int maxOrdinals;
    private volatile boolean closed;

    /** @param terminationGrace how long a graceful delete waits before SIGKILL: the manifests' own */
    public PodController(DeploymentSpec spec, PodRuntime runtime, History history, Duration terminationGrace) {
        this.spec = spec;
        this.runtime = runtime;
        this.history = history;
        this.terminationGrace = terminationGrace;
        this.names = new Random(spec.applicationId().hashCode());
        this.wanted = spec.replicas();
        for (int ordinal = 0; ordinal < spec.replicas(); ordinal++) {
            awaitTurn(ordinal);
            createPod(ordinal).join();
        }
    }

    @Override
    public synchronized List<PodView> pods() {
        return pods.stream().map(ControlledPod::view).toList();
    }

    @Override
    public synchronized int wantedReplicas() {
        return wanted;
    }

    @Override
    public void deletePod(PodView pod, Deletion deletion) {
        delete(find(pod), deletion == Deletion.IMMEDIATE ? Duration.ZERO : terminationGrace, true);
    }

    @Override
    public void killProcess(PodView pod) {
        find(pod).container().kill();
    }

    @Override
    public void pause(PodView view) {
        onContainer(view, PodContainer::pause, EventType.CONTAINER_PAUSED);
    }

    @Override
    public void resume(PodView view) {
        onContainer(view, PodContainer::resume, EventType.CONTAINER_RESUMED);
    }

    private void onContainer(PodView view, Consumer<PodContainer> action, EventType recorded) {
        ControlledPod pod = find(view);
        PodContainer container = pod.container();
        action.accept(container);
        history.record(recorded, pod.name(), pod.uid(), container.identity());
    }

    @Override
    public void scaleTo(int replicas) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must not be negative, was " + replicas);
        }
        List<ControlledPod> removed;
        int added;
        synchronized (this) {
            List<ControlledPod> live = pods.stream().filter(pod -> !pod.deleting()).toList();
            added = Math.max(0, replicas - live.size());
            // As a StatefulSet or a ReplicaSet does: the newest pods go first.
            removed = live.subList(Math.min(replicas, live.size()), live.size());
            wanted = replicas;
        }
        for (int i = 0; i < added; i++) {
            int ordinal = nextOrdinal();
            awaitTurn(ordinal);
            createPod(ordinal).join();
        }
        removed.stream().map(pod -> CompletableFuture.runAsync(() -> delete(pod, terminationGrace, false)))
                .toList().forEach(CompletableFuture::join);
    }

    @Override
    public Path logDirectory() {
        return runtime.logDirectory();
    }

    @Override
    public void close() {
        List<ControlledPod> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(pods);
        }
        all.stream().map(pod -> CompletableFuture.runAsync(() -> delete(pod, terminationGrace, false)))
                .toList().forEach(CompletableFuture::join);
        if (spec.variant() == Variant.STATEFUL_SET) {
            for (int ordinal = 0; ordinal < maxOrdinals; ordinal++) {
                runtime.deleteVolume(statefulSetPodName(ordinal));
            }
        }
        kubelet.shutdown();
    }

    private synchronized ControlledPod find(PodView view) {
        return pods.stream().filter(pod -> pod.uid().equals(view.uid())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pod " + view.name() + " with uid " + view.uid()
                        + " in " + spec.applicationId()));
    }

    private synchronized int nextOrdinal() {
        return pods.size();
    }

    private String statefulSetPodName(int ordinal) {
        return spec.name() + "-" + ordinal;
    }

    private int ordinalOf(String statefulSetPodName) {
        return Integer.parseInt(statefulSetPodName.substring(spec.name().length() + 1));
    }

    /** Under OrderedReady, a StatefulSet creates pod N once pods 0..N-1 run and are ready. */
    private void awaitTurn(int ordinal) {
        if (spec.variant() == Variant.STATEFUL_SET && spec.podManagementPolicy() == PodManagementPolicy.ORDERED_READY) {
            OrderedReady.awaitPredecessors(IntStream.range(0, ordinal).mapToObj(this::statefulSetPodName).toList(),
                    this::pods, () -> closed);
        }
    }

    /** Creates the pod at once and starts its container in the background; the future completes when it runs. */
    private CompletableFuture<Void> createPod(int ordinal) {
        String name = spec.variant() == Variant.STATEFUL_SET
                ? statefulSetPodName(ordinal)
                : spec.name() + "-" + Integer.toHexString(0x10000 + names.nextInt(0xEFFFF));
        String volume = spec.variant() == Variant.STATEFUL_SET ? name : name + "-emptydir";
        ControlledPod pod = new ControlledPod(name, volume);
        synchronized (this) {
            if (closed) {
                return CompletableFuture.completedFuture(null);
            }
            pods.add(spec.variant() == Variant.STATEFUL_SET
                    ? (int) pods.stream().filter(other -> ordinalOf(other.name()) < ordinal).count()
                    : Math.min(ordinal, pods.size()), pod);
            maxOrdinals = Math.max(maxOrdinals, ordinal + 1);
        }
        history.record(EventType.POD_CREATED, name, pod.uid(), Map.of("variant", spec.variant().name(), "volume", volume));
        return CompletableFuture.runAsync(() -> startContainer(pod), kubelet);
    }

    private void startContainer(ControlledPod pod) {
        Map<String, String> env = new LinkedHashMap<>(spec.podEnv());
        env.put(AppVariable.POD_NAME.name(), pod.name());
        PodContainer container = runtime.start(pod, pod.restarts() + 1, env, event -> {
            if (event.is(EventType.READINESS)) {
                pod.ready(new AppEvent(event).ready());
            }
        });
        pod.run(container);
        container.exit().thenAccept(code -> containerExited(pod, code));
    }

    private void containerExited(ControlledPod pod, int exitCode) {
        history.record(EventType.CONTAINER_EXITED, pod.name(), pod.uid(), Map.of("exitCode", exitCode, "restart", pod.restarts()));
        pod.ready(false);
        synchronized (this) {
            if (pod.deleting() || closed) {
                return;
            }
        }
        startContainer(pod); // restartPolicy: Always
    }

    /**
     * Deletes a pod: SIGTERM (SIGKILL after the grace period, or at once for grace 0), then removes it.
     * A Deployment's ReplicaSet creates the replacement at once, and its container starts while the old
     * pod terminates (the old pod's SIGTERM does not wait for it); a StatefulSet waits until the old pod
     * is gone and reuses its name and volume.
     */
    private void delete(ControlledPod pod, Duration grace, boolean replace) {
        if (!pod.markDeleting()) {
            return;
        }
        history.record(EventType.POD_DELETING, pod.name(), pod.uid(), Map.of("graceMs", grace.toMillis()));
        int position;
        synchronized (this) {
            position = pods.indexOf(pod);
        }
        CompletableFuture<Void> replacement = replace && spec.variant() == Variant.DEPLOYMENT
                ? createPod(position + 1) : CompletableFuture.completedFuture(null);
        pod.container().stop(grace);
        runtime.remove(pod);
        synchronized (this) {
            pods.remove(pod);
        }
        if (spec.variant() == Variant.DEPLOYMENT) {
            runtime.deleteVolume(pod.volume());
        }
        history.record(EventType.POD_DELETED, pod.name(), pod.uid(), Map.of());
        if (replace && spec.variant() == Variant.STATEFUL_SET) {
            int ordinal = ordinalOf(pod.name());
            awaitTurn(ordinal);
            createPod(ordinal).join();
        }
        replacement.join();
    }
}
