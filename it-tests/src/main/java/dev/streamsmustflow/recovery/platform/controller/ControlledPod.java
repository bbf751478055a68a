package dev.streamsmustflow.recovery.platform.controller;

import dev.streamsmustflow.recovery.platform.PodView;
import java.util.UUID;

/**
 * A pod that a {@link PodController} keeps: a name, a uid, a volume and the container currently
 * running in it. The container restarts in place after it dies, unless the pod is being deleted.
 */
public final class ControlledPod {

    private final String name;
    private final String uid = UUID.randomUUID().toString();
    private final String volume;
    private PodContainer container;
    private int restarts = -1;
    private boolean deleting;
    private boolean ready;

    ControlledPod(String name, String volume) {
        this.name = name;
        this.volume = volume;
    }

    public String name() {
        return name;
    }

    public String uid() {
        return uid;
    }

    /** The name of its volume: the StatefulSet ordinal's, or an emptyDir that dies with the pod. */
    public String volume() {
        return volume;
    }

    synchronized void run(PodContainer container) {
        this.container = container;
        this.restarts++;
        this.ready = false;
    }

    synchronized PodContainer container() {
        return container;
    }

    synchronized int restarts() {
        return restarts;
    }

    synchronized boolean markDeleting() {
        boolean first = !deleting;
        deleting = true;
        ready = false;
        return first;
    }

    synchronized boolean deleting() {
        return deleting;
    }

    synchronized void ready(boolean ready) {
        this.ready = ready;
    }

    synchronized PodView view() {
        // As Kubernetes shows a terminating pod: no longer running for its controller, never ready.
        boolean running = container != null && container.isAlive() && !deleting;
        return new PodView(name, uid, Math.max(restarts, 0), running, running && ready);
    }
}
