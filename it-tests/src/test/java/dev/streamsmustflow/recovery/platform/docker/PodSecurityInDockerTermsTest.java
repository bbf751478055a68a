package dev.streamsmustflow.recovery.platform.docker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import dev.streamsmustflow.recovery.deployment.PodTemplate;
import dev.streamsmustflow.recovery.deployment.ShippedManifests;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The docker platform's pods are what the manifests ask for: the pod template's user, read-only root,
 * scratch space, capabilities, privileges and memory limit, said in Docker's terms.
 */
class PodSecurityInDockerTermsTest {

    private static final long MIB = 1024L * 1024;

    @Test
    void thePodTemplateIsReadFromTheShippedManifests() {
        PodTemplate template = ShippedManifests.podTemplate();

        // manifests/base/pod-template.yaml: the restricted profile, 1Gi of memory, a 256Mi /tmp.
        assertEquals(new PodTemplate(10001, 10001, true, true, false, 1024 * MIB, "/var/lib/trade-stats", "/tmp",
                256 * MIB), template);
    }

    @Test
    void aPodContainerGetsThePodTemplatesSecurityAndLimits() {
        PodTemplate template = new PodTemplate(10001, 10002, true, true, false, 768 * MIB, "/state", "/scratch", 64 * MIB);
        DockerPodRuntime runtime = new DockerPodRuntime(null, null, ContainerApp.tradeStats("image"), "kafka:19092", template, "prefix",
                Path.of("logs"), null, 90);

        HostConfig config = runtime.hostConfig(null, "prefix-trade-stats-0");

        assertTrue(config.getReadonlyRootfs(), "read-only root filesystem");
        assertArrayEquals(new Capability[] {Capability.ALL}, config.getCapDrop());
        assertEquals(List.of("no-new-privileges"), config.getSecurityOpts());
        assertEquals(768 * MIB, config.getMemory());
        assertEquals(768 * MIB, config.getMemorySwap(), "no swap beyond the memory limit");
        // Executable, unlike Docker's default tmpfs: RocksDB loads the native library it unpacks there.
        assertEquals("rw,exec,nosuid,nodev,size=" + 64 * MIB, config.getTmpFs().get("/scratch"));
        assertEquals("prefix-trade-stats-0", config.getBinds()[0].getPath());
        assertEquals("/state", config.getBinds()[0].getVolume().getPath());
    }
}
