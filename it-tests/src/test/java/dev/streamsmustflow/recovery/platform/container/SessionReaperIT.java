package dev.streamsmustflow.recovery.platform.container;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.dockerjava.api.DockerClient;
import dev.streamsmustflow.recovery.platform.docker.DockerPlatform;
import dev.streamsmustflow.recovery.platform.process.ChildJvm;
import dev.streamsmustflow.recovery.scenario.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;

/**
 * Nothing a container run makes outlives it, even when its JVM is killed: the session reaper removes
 * the containers, networks and volumes of the dead JVM's session. Needs a Docker engine; skips without
 * one (fails with {@code -Drecovery.docker=require}).
 */
class SessionReaperIT {

    private static final Duration SETUP = Duration.ofSeconds(90);
    private static final Duration REAPED = Duration.ofSeconds(60);
    private static final String MODE_PROPERTY = DockerPlatform.MODE_PROPERTY;

    @Test
    void whatAKilledJvmMadeIsRemoved() throws IOException {
        DockerPreflight.Availability availability = DockerPreflight.check(MODE_PROPERTY, List.of(KafkaInContainer.IMAGE),
                Duration.ofSeconds(20));
        if (!availability.usable() && DockerPreflight.required(MODE_PROPERTY)) {
            throw new IllegalStateException("docker is required but cannot run: " + availability.reason());
        }
        Assumptions.assumeTrue(availability.usable(), "no Docker engine to test the reaper on: " + availability.reason());
        Path runDir = RunDirectory.create("session-reaper");
        Path log = runDir.resolve("holder.log");
        String session;
        try (ChildJvm holder = ChildJvm.launch("session-holder", List.of(), HoldSessionResourcesMain.class.getName(),
                List.of(availability.image(KafkaInContainer.IMAGE.official()), runDir.resolve("reaper.log").toString()),
                log)) {
            session = await("the holder made its containers, log " + log).atMost(SETUP)
                    .until(() -> reportedSession(log), Optional::isPresent).orElseThrow();
            assertFalse(resourcesOf(session).isEmpty(), "the holder's session shows nothing to remove");

            holder.kill();
        }

        await("every container, network and volume of session " + session + " removed; reaper log "
                + runDir.resolve("reaper.log")).atMost(REAPED).pollInterval(Duration.ofMillis(500))
                .until(() -> resourcesOf(session).isEmpty());
        assertEquals(List.of(), resourcesOf(session));
    }

    private static List<String> resourcesOf(String session) throws IOException {
        String label = SessionReaper.SESSION_LABEL + "=" + session;
        try (DockerClient docker = DockerClientProviderStrategy.getClientForConfig(
                DockerClientFactory.instance().getTransportConfig())) {
            var volumes = docker.listVolumesCmd().withFilter("label", List.of(label)).exec().getVolumes();
            return java.util.stream.Stream.of(
                    docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(label)).exec().stream()
                            .map(container -> "container " + container.getId()),
                    docker.listNetworksCmd().withFilter("label", List.of(label)).exec().stream()
                            .map(network -> "network " + network.getName()),
                    (volumes == null ? List.<com.github.dockerjava.api.command.InspectVolumeResponse>of() : volumes).stream()
                            .map(volume -> "volume " + volume.getName()))
                    .flatMap(names -> names).toList();
        }
    }

    private static Optional<String> reportedSession(Path log) throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.startsWith(HoldSessionResourcesMain.SESSION_PREFIX))
                .map(line -> line.substring(HoldSessionResourcesMain.SESSION_PREFIX.length())).findFirst();
    }
}
