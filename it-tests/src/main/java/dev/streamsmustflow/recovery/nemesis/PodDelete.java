package dev.streamsmustflow.recovery.nemesis;

import dev.streamsmustflow.recovery.platform.Deletion;

/**
 * {@link Fault#POD_DELETE}: the first pod is deleted gracefully (SIGTERM, its termination grace
 * period before SIGKILL); its controller replaces it.
 */
final class PodDelete extends FirstPodDeletion {

    @Override
    Deletion deletion() {
        return Deletion.GRACEFUL;
    }
}
