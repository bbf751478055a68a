package dev.streamsmustflow.recovery.platform.kubernetes;

import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.platform.PodView;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Turns the pod watch of a Kubernetes deployment into history events — pod created, container
 * started (a new container id), container exited (with its exit code), pod deleted — stamped when
 * the watch delivers them (Kubernetes' own timestamps have one-second resolution), and keeps a
 * view of each pod.
 */
final class PodTracker implements ResourceEventHandler<Pod> {

    private final String container;
    private final History history;
    private final BiConsumer<Pod, Integer> onContainerStarted;
    private final Map<String, String> runningContainerIds = new HashMap<>();
    private final Map<String, Pod> pods = new LinkedHashMap<>();
    private final Set<String> killedByHarness = ConcurrentHashMap.newKeySet();

    /**
     * @param onContainerStarted called with the pod and the container's restart count whenever a
     *     new container of the app starts, e.g. to follow its log
     */
    PodTracker(String container, History history, BiConsumer<Pod, Integer> onContainerStarted) {
        this.container = container;
        this.history = history;
        this.onContainerStarted = onContainerStarted;
    }

    @Override
    public void onAdd(Pod pod) {
        history.record(EventType.POD_CREATED, pod.getMetadata().getName(), uid(pod), Map.of());
        onUpdate(null, pod);
    }

    @Override
    public void onUpdate(Pod previous, Pod pod) {
        String uid = uid(pod);
        synchronized (this) {
            pods.put(uid, pod);
        }
        ContainerStatus status = status(pod);
        if (status == null) {
            return;
        }
        String known = runningContainerId(uid);
        if (status.getLastState() != null && status.getLastState().getTerminated() != null
                && status.getLastState().getTerminated().getContainerID() != null
                && status.getLastState().getTerminated().getContainerID().equals(known)) {
            exited(pod, status.getLastState().getTerminated().getExitCode());
            known = null;
        }
        if (status.getState() != null && status.getState().getTerminated() != null && known != null) {
            exited(pod, status.getState().getTerminated().getExitCode());
            known = null;
        }
        if (status.getState() != null && status.getState().getRunning() != null && status.getContainerID() != null
                && !status.getContainerID().equals(known)) {
            synchronized (this) {
                runningContainerIds.put(uid, status.getContainerID());
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("restart", status.getRestartCount());
            fields.put("containerId", status.getContainerID());
            history.record(EventType.CONTAINER_STARTED, pod.getMetadata().getName(), uid, fields);
            onContainerStarted.accept(pod, status.getRestartCount());
        }
    }

    @Override
    public void onDelete(Pod pod, boolean finalStateUnknown) {
        String uid = uid(pod);
        if (runningContainerId(uid) != null) {
            ContainerStatus status = status(pod);
            boolean terminated = status != null && status.getState() != null && status.getState().getTerminated() != null;
            exited(pod, terminated ? status.getState().getTerminated().getExitCode() : null);
        }
        synchronized (this) {
            pods.remove(uid);
        }
        history.record(EventType.POD_DELETED, pod.getMetadata().getName(), uid, Map.of());
    }

    /**
     * The harness is about to kill this pod's process itself: the exit is the kill ({@link #killed}), not
     * what the watch reports, whose deletion event can come before the kill.
     */
    void killing(String uid) {
        killedByHarness.add(uid);
    }

    /** The kill announced by {@link #killing} did not happen: the watch reports this pod's exits again. */
    void spared(String uid) {
        killedByHarness.remove(uid);
    }

    /** The harness killed this pod's process from its node (SIGKILL): the container exited now. */
    void killed(String name, String uid, long pid) {
        synchronized (this) {
            runningContainerIds.remove(uid);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("exitCode", 128 + 9);
        fields.put("signal", "KILL");
        fields.put("pid", pid);
        history.record(EventType.CONTAINER_EXITED, name, uid, fields);
    }

    /** The pods that exist now, oldest first. */
    synchronized List<PodView> views() {
        List<PodView> views = new ArrayList<>();
        for (Pod pod : pods.values()) {
            ContainerStatus status = status(pod);
            boolean terminating = pod.getMetadata().getDeletionTimestamp() != null;
            boolean running = status != null && status.getState() != null && status.getState().getRunning() != null;
            boolean ready = !terminating && status != null && Boolean.TRUE.equals(status.getReady());
            views.add(new PodView(pod.getMetadata().getName(), uid(pod), status == null ? 0 : status.getRestartCount(),
                    running && !terminating, ready));
        }
        views.sort(Comparator.comparing(PodView::name));
        return views;
    }

    private void exited(Pod pod, Integer exitCode) {
        synchronized (this) {
            runningContainerIds.remove(uid(pod));
        }
        if (killedByHarness.contains(uid(pod))) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (exitCode != null) { // a pod deleted before its container's state was reported has none
            fields.put("exitCode", exitCode);
        }
        history.record(EventType.CONTAINER_EXITED, pod.getMetadata().getName(), uid(pod), fields);
    }

    private synchronized String runningContainerId(String uid) {
        return runningContainerIds.get(uid);
    }

    private ContainerStatus status(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return null;
        }
        return pod.getStatus().getContainerStatuses().stream()
                .filter(status -> container.equals(status.getName()))
                .findFirst().orElse(null);
    }

    private static String uid(Pod pod) {
        return pod.getMetadata().getUid();
    }
}
