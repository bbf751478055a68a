package dev.streamsmustflow.recovery.platform.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import dev.streamsmustflow.recovery.platform.process.ChildJvm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;

/**
 * Removes every container, network and volume of this JVM's Testcontainers session when the JVM
 * ends, however it ends: what Testcontainers' Ryuk does, without Ryuk's image, which cannot be
 * pulled where no registry answers.
 *
 * <p>{@link #watch()} starts this class's {@code main} as a child process whose stdin is a pipe from
 * this JVM, never written to. When this JVM exits, even by SIGKILL, the kernel closes the pipe; the
 * child reads end-of-file and removes everything labelled {@code org.testcontainers.sessionId=<id>}.
 * Testcontainers labels its containers and networks so; volumes made here get {@link #label()} too.
 */
public final class SessionReaper {

    /** The label key Testcontainers puts on everything of a session. */
    public static final String SESSION_LABEL = DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL;

    private static Process watcher;

    private SessionReaper() {
    }

    /** The label of this JVM's session, for resources made without Testcontainers (named volumes). */
    public static String label() {
        return DockerClientFactory.SESSION_ID;
    }

    /**
     * Starts the watcher once per JVM; its log is {@code logFile}. Unlike the other child JVMs it has no
     * shutdown hook that kills it: it must outlive this JVM to do its work.
     */
    public static synchronized void watch(Path logFile) {
        if (watcher != null && watcher.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            watcher = new ProcessBuilder(ChildJvm.javaBinary(),
                    "-Dstreams-must-flow.reaper=" + label(), "-Xmx64m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), SessionReaper.class.getName(), label())
                    .redirectInput(ProcessBuilder.Redirect.PIPE) // its lifeline: held open, never written to
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the session reaper", e);
        }
    }

    /** Usage: {@code SessionReaper <sessionId>}: waits for the end of stdin, then removes the session. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SessionReaper <sessionId>");
            System.exit(2);
        }
        awaitEndOf(System.in);
        try (DockerClient docker = DockerClientProviderStrategy.getClientForConfig(
                DockerClientFactory.instance().getTransportConfig())) {
            int removed = removeSession(docker, args[0]);
            System.out.println("session " + args[0] + ": removed " + removed + " containers, networks and volumes");
        }
    }

    /** Removes containers first (they hold networks and volumes), then networks, then volumes; returns how many. */
    static int removeSession(DockerClient docker, String sessionId) {
        String label = SESSION_LABEL + "=" + sessionId;
        int removed = 0;
        for (Container container : docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(label)).exec()) {
            removed += quietly(() -> docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec());
        }
        for (Network network : docker.listNetworksCmd().withFilter("label", List.of(label)).exec()) {
            removed += quietly(() -> docker.removeNetworkCmd(network.getId()).exec());
        }
        var volumes = docker.listVolumesCmd().withFilter("label", List.of(label)).exec().getVolumes();
        for (var volume : volumes == null ? List.<com.github.dockerjava.api.command.InspectVolumeResponse>of() : volumes) {
            removed += quietly(() -> docker.removeVolumeCmd(volume.getName()).exec());
        }
        return removed;
    }

    private static int quietly(Runnable removal) {
        try {
            removal.run();
            return 1;
        } catch (NotFoundException gone) {
            return 0;
        } catch (RuntimeException e) {
            System.err.println("could not remove: " + e);
            return 0;
        }
    }

    private static void awaitEndOf(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // The parent never writes; anything read is ignored.
            }
        } catch (IOException e) {
            throw new UncheckedIOException("stdin of the session reaper failed", e);
        }
    }
}
