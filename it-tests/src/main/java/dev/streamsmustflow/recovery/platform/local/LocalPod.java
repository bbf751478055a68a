package dev.streamsmustflow.recovery.platform.local;

import dev.streamsmustflow.recovery.platform.PodView;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A pod of the local platform: a name, a uid, a volume directory and the container currently
 * running in it. The container restarts in place after it dies, unless the pod is being deleted.
 */
final class LocalPod {

    final String name;
    final String uid = UUID.randomUUID().toString();
    final Path volume;
    private LocalContainer container;
    private int restarts = -1;
    private boolean deleting;
    private boolean ready;

    LocalPod(String name, Path volume) {
        this.name = name;
        this.volume = volume;
    }

    synchronized void run(LocalContainer container) {
        this.container = container;
        this.restarts++;
        this.ready = false;
    }

    synchronized LocalContainer container() {
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
