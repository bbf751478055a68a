package dev.streamsmustflow.recovery.platform.container;

import java.util.Optional;

/**
 * An image the container scenarios run: its official name, and the image {@code scripts/offline-images}
 * builds in its place where no registry answers (never tagged with the official name).
 */
public record NeededImage(String official, Optional<String> builtOffline) {

    /** An image only a registry can give. */
    public static NeededImage official(String name) {
        return new NeededImage(name, Optional.empty());
    }

    /** An official image, or where it cannot be pulled the one built offline under {@code offlineName}. */
    public static NeededImage orBuiltOffline(String official, String offlineName) {
        return new NeededImage(official, Optional.of(offlineName));
    }
}
