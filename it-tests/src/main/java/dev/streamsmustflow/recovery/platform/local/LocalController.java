package dev.streamsmustflow.recovery.platform.local;

import static org.awaitility.Awaitility.await;

import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.PodView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The local platform's stand-in for a Kubernetes controller and kubelet: keeps the wanted number of
 * pods running with StatefulSet or Deployment semantics, restarts a dead container in place, and
 * injects faults. It is not Kubernetes and never claims to be.
 */
final class LocalController implements DeployedApp {

    /** Longer than the app's default shutdown timeout, as the manifests' termination grace period. */
    static final Duration TERMINATION_GRACE = Duration.ofSeconds(40);

    private final DeploymentSpec spec;
    private final String bootstrapServers;
    private final Path runDir;
    private final History history;
    private final Random names;
    private final List<LocalPod> pods = new ArrayList<>();
    private int wanted;
    private boolean closed;

    LocalController(DeploymentSpec spec, String bootstrapServers, Path runDir, History history) {
        this.spec = spec;
        this.bootstrapServers = bootstrapServers;
        this.runDir = runDir;
        this.history = history;
        this.names = new Random(spec.applicationId().hashCode());
        this.wanted = spec.replicas();
        for (int ordinal = 0; ordinal < spec.replicas(); ordinal++) {
            createPod(ordinal);
        }
    }

    @Override
    public synchronized List<PodView> pods() {
        return pods.stream().map(LocalPod::view).toList();
    }

    @Override
    public void awaitReady(Duration timeout) {
        await("all " + wanted + " pods of " + spec.applicationId() + " ready (logs in " + logDirectory() + ")")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    List<PodView> now = pods();
                    return now.size() == currentWanted() && now.stream().allMatch(PodView::ready);
                });
    }

    @Override
    public HistoryEvent inject(Fault fault) {
        List<LocalPod> targets;
        synchronized (this) {
            List<LocalPod> live = pods.stream().filter(pod -> !pod.deleting()).toList();
            targets = fault.targetsAmong(live);
        }
        HistoryEvent event = history.recordFault(fault, targets.stream().map(pod -> pod.name).toList(), targets.stream().map(pod -> pod.uid).toList());
        switch (fault) {
            case POD_KILL -> delete(targets.get(0), Duration.ZERO, true);
            case KILL_ALL -> targets.stream()
                    .map(pod -> CompletableFuture.runAsync(() -> delete(pod, Duration.ZERO, true)))
                    .toList()
                    .forEach(CompletableFuture::join);
            case POD_DELETE -> delete(targets.get(0), TERMINATION_GRACE, true);
            case CONTAINER_KILL -> targets.get(0).container().kill();
            case SCALE_IN -> {
                setWanted(currentWanted() - 1);
                delete(targets.get(0), TERMINATION_GRACE, false);
            }
            case SCALE_OUT -> {
                setWanted(currentWanted() + 1);
                createPod(nextOrdinal());
            }
            case ROLLING_RESTART -> CompletableFuture.runAsync(() -> rollingRestart(targets)).exceptionally(error -> {
                history.record(HistoryEvent.HARNESS, "fault-failed", null, null, Map.of("error", String.valueOf(error)));
                return null;
            });
        }
        return event;
    }

    /** Newest ordinal first, as a StatefulSet rolls; each replacement must be ready before the next. */
    private void rollingRestart(List<LocalPod> targets) {
        List<LocalPod> order = new ArrayList<>(targets);
        order.sort(Comparator.comparing((LocalPod pod) -> pod.name).reversed());
        for (LocalPod pod : order) {
            delete(pod, TERMINATION_GRACE, true);
            awaitReady(TERMINATION_GRACE.plus(Duration.ofMinutes(2)));
        }
    }

    @Override
    public Path logDirectory() {
        return runDir.resolve("pods");
    }

    @Override
    public void close() {
        List<LocalPod> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(pods);
        }
        List<CompletableFuture<Void>> gone = all.stream()
                .map(pod -> CompletableFuture.runAsync(() -> delete(pod, TERMINATION_GRACE, false)))
                .toList();
        gone.forEach(CompletableFuture::join);
        deleteRecursively(runDir.resolve("volumes"));
    }

    private synchronized int currentWanted() {
        return wanted;
    }

    private synchronized void setWanted(int replicas) {
        wanted = replicas;
    }

    private synchronized int nextOrdinal() {
        return pods.size();
    }

    private void createPod(int ordinal) {
        String name = spec.variant() == Variant.STATEFUL_SET
                ? spec.name() + "-" + ordinal
                : spec.name() + "-" + Integer.toHexString(0x10000 + names.nextInt(0xEFFFF));
        Path volume = runDir.resolve("volumes").resolve(spec.variant() == Variant.STATEFUL_SET ? name : name + "-emptydir");
        LocalPod pod = new LocalPod(name, volume);
        synchronized (this) {
            if (closed) {
                return;
            }
            pods.add(Math.min(ordinal, pods.size()), pod);
        }
        history.record(HistoryEvent.PLATFORM, "pod-created", name, pod.uid,
                Map.of("variant", spec.variant().name(), "volume", volume.toString()));
        startContainer(pod);
    }

    private void startContainer(LocalPod pod) {
        Map<String, String> env = new LinkedHashMap<>(spec.env());
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("POD_NAME", pod.name);
        env.put("STATE_DIR", pod.volume.toString());
        env.put("HTTP_PORT", "0");
        AppContainer container = AppContainer.start(pod.name, pod.uid, pod.restarts() + 1, env, logDirectory(), history,
                event -> {
                    if (event.type().equals("readiness")) {
                        pod.ready(Boolean.TRUE.equals(event.fields().get("ready")));
                    }
                });
        pod.run(container);
        container.exit().thenAccept(code -> containerExited(pod, code));
    }

    private void containerExited(LocalPod pod, int exitCode) {
        history.record(HistoryEvent.PLATFORM, "container-exited", pod.name, pod.uid,
                Map.of("exitCode", exitCode, "restart", pod.restarts()));
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
     * A Deployment's ReplicaSet creates the replacement at once, while the old pod still terminates;
     * a StatefulSet waits until the old pod is gone and reuses its name and volume.
     */
    private void delete(LocalPod pod, Duration grace, boolean replace) {
        if (!pod.markDeleting()) {
            return;
        }
        history.record(HistoryEvent.PLATFORM, "pod-deleting", pod.name, pod.uid, Map.of("graceMs", grace.toMillis()));
        int ordinal;
        synchronized (this) {
            ordinal = pods.indexOf(pod);
        }
        if (replace && spec.variant() == Variant.DEPLOYMENT) {
            createPod(ordinal + 1);
        }
        AppContainer container = pod.container();
        if (grace.isZero()) {
            container.kill();
        } else {
            container.terminate();
        }
        try {
            container.exit().get(grace.toMillis() + 1, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            container.kill();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        container.exit().join();
        synchronized (this) {
            ordinal = pods.indexOf(pod);
            pods.remove(pod);
        }
        if (spec.variant() == Variant.DEPLOYMENT) {
            deleteRecursively(pod.volume);
        }
        history.record(HistoryEvent.PLATFORM, "pod-deleted", pod.name, pod.uid, Map.of());
        if (replace && spec.variant() == Variant.STATEFUL_SET) {
            createPod(ordinal);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
