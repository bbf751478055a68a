package dev.streamsmustflow.recovery.nemesis;

import dev.streamsmustflow.recovery.platform.Deletion;

/** {@link Fault#POD_KILL}: the first pod crashes (its process killed, the pod deleted); its controller replaces it. */
final class PodKill extends FirstPodDeletion {

    @Override
    Deletion deletion() {
        return Deletion.IMMEDIATE;
    }
}
