package dev.streamsmustflow.recovery.nemesis;

import dev.streamsmustflow.recovery.platform.Deletion;

/** {@link Fault#POD_KILL}: the first pod is deleted with grace period 0; its controller replaces it. */
final class PodKill extends FirstPodDeletion {

    @Override
    Deletion deletion() {
        return Deletion.IMMEDIATE;
    }
}
