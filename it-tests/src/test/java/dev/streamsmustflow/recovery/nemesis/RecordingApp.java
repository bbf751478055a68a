package dev.streamsmustflow.recovery.nemesis;

import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.platform.Deletion;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.PodView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A deployed app that records every operation a fault asks of it and plays a StatefulSet controller
 * at once: a deleted pod comes back under its name with a new uid, ready; a killed process restarts
 * in place; scaling adds or removes the newest pods.
 */
final class RecordingApp implements DeployedApp {

    private final List<String> operations = new ArrayList<>();
    private final List<PodView> pods = new ArrayList<>();
    private final Path logs;
    private Consumer<String> failOn = operation -> { };
    private History restoring;
    private int nextUid;
    private int wanted;

    RecordingApp(int replicas, Path logs) {
        this.logs = logs;
        this.wanted = replicas;
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            pods.add(newPod(ordinal, 0));
        }
    }

    /** Makes an operation throw: {@code failOn} sees its description and may throw. */
    RecordingApp failingOn(Consumer<String> check) {
        this.failOn = check;
        return this;
    }

    synchronized List<String> operations() {
        return List.copyOf(operations);
    }

    @Override
    public synchronized List<PodView> pods() {
        return List.copyOf(pods);
    }

    @Override
    public synchronized int wantedReplicas() {
        return wanted;
    }

    @Override
    public void deletePod(PodView pod, Deletion deletion) {
        record("delete " + pod.name() + " " + deletion);
        synchronized (this) {
            int at = indexOf(pod);
            pods.set(at, newPod(at, 0));
        }
    }

    @Override
    public void killProcess(PodView pod) {
        record("kill " + pod.name());
        synchronized (this) {
            int at = indexOf(pod);
            PodView old = pods.get(at);
            pods.set(at, new PodView(old.name(), old.uid(), old.restarts() + 1, true, true));
        }
    }

    @Override
    public void pause(PodView pod) {
        record("pause " + pod.name());
    }

    @Override
    public void resume(PodView pod) {
        record("resume " + pod.name());
    }

    /** Tells {@code history} that every new pod begins restoring as soon as it exists, as a replacement's app would. */
    RecordingApp restoringInto(History history) {
        this.restoring = history;
        return this;
    }

    @Override
    public void scaleTo(int replicas) {
        record("scale " + replicas);
        synchronized (this) {
            wanted = replicas;
            while (pods.size() < replicas) {
                pods.add(newPod(pods.size(), 0));
            }
            while (pods.size() > replicas) {
                pods.remove(pods.size() - 1);
            }
        }
    }

    @Override
    public Path logDirectory() {
        return logs;
    }

    @Override
    public void close() {
        record("close");
    }

    /** Records an operation done elsewhere (by the platform) in this app's list, in order. */
    void recordOperation(String operation) {
        record(operation);
    }

    private void record(String operation) {
        failOn.accept(operation);
        synchronized (this) {
            operations.add(operation);
        }
    }

    private int indexOf(PodView pod) {
        for (int at = 0; at < pods.size(); at++) {
            if (pods.get(at).uid().equals(pod.uid())) {
                return at;
            }
        }
        throw new IllegalArgumentException("no pod with uid " + pod.uid());
    }

    private PodView newPod(int ordinal, int restarts) {
        PodView pod = new PodView("trade-stats-" + ordinal, "uid-" + nextUid++, restarts, true, true);
        if (restoring != null) {
            restoring.append(new HistoryEvent(System.currentTimeMillis(), EventType.RESTORE_START, pod.name(), pod.uid(),
                    Map.of("partition", ordinal)));
        }
        return pod;
    }
}
