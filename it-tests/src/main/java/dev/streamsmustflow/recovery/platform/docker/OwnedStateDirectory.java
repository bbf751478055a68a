package dev.streamsmustflow.recovery.platform.docker;

import com.github.dockerjava.api.DockerClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A directory in a pod's volume that the pod's user owns, for an image that has no directory of its own at the
 * mount path (the engine then mounts the volume owned by root): what {@code fsGroup} gives a pod on Kubernetes,
 * done with the engine's archive API between the container's creation and its start. Existing contents stay.
 *
 * @param name the directory's name inside the volume
 */
record OwnedStateDirectory(String name) {

    private static final int OWNER_ONLY = 0700;

    /** The path the app is told to keep its state in: this directory under the volume's mount path. */
    String under(String volumePath) {
        return volumePath + "/" + name;
    }

    /** Makes the directory in the volume mounted at {@code volumePath} of a created container, owned by {@code uid:gid}. */
    void create(DockerClient docker, String containerId, String volumePath, long uid, long gid) {
        docker.copyArchiveToContainerCmd(containerId).withRemotePath(volumePath)
                .withTarInputStream(new ByteArrayInputStream(tar(uid, gid)))
                // the owner is the tar's, not the container's root
                .withCopyUIDGID(false)
                .exec();
    }

    // Package-private for its test: one directory entry, owned by the pod's user.
    byte[] tar(long uid, long gid) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry directory = new TarArchiveEntry(name + "/");
            directory.setUserId(uid);
            directory.setGroupId(gid);
            directory.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 | OWNER_ONLY);
            tar.putArchiveEntry(directory);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a tar in memory", e);
        }
        return bytes.toByteArray();
    }
}
