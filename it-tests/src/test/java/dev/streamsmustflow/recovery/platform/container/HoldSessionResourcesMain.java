package dev.streamsmustflow.recovery.platform.container;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.utility.DockerImageName;

/**
 * A JVM that a test kills with SIGKILL: it starts the session reaper, then makes a network, a named
 * volume and a container of its session, reports its session id and blocks.
 * Arguments: an image present on the engine, the reaper's log file.
 */
public final class HoldSessionResourcesMain {

    static final String SESSION_PREFIX = "session=";

    private HoldSessionResourcesMain() {
    }

    @SuppressWarnings("resource") // left for the reaper on purpose
    public static void main(String[] args) throws InterruptedException {
        SessionReaper.watch(Path.of(args[1]));
        DockerClient docker = DockerClientFactory.instance().client();
        docker.createVolumeCmd().withName("reaper-test-" + SessionReaper.label())
                .withLabels(Map.of(SessionReaper.SESSION_LABEL, SessionReaper.label())).exec();
        Network network = Network.newNetwork();
        new GenericContainer<>(DockerImageName.parse(args[0])).withNetwork(network)
                .withCommand("sleep", "600")
                .withCreateContainerCmdModifier(create -> create.withEntrypoint(List.of()))
                .start();
        System.out.println(SESSION_PREFIX + SessionReaper.label());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
