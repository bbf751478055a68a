package dev.streamsmustflow.recovery.platform.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestrictedPodSecurityTest {

    @Test
    void passesAPodThatFollowsTheStandard() {
        assertEquals(List.of(), RestrictedPodSecurity.violations(compliant().build()));
    }

    @Test
    void acceptsTheSettingsInEitherThePodOrEveryContainer() {
        PodSpec pod = compliant()
                .editSecurityContext().withRunAsNonRoot(null).withSeccompProfile(null).endSecurityContext()
                .editFirstContainer().editSecurityContext().withRunAsNonRoot(true)
                        .withNewSeccompProfile().withType("Localhost").withLocalhostProfile("app.json").endSeccompProfile()
                        .endSecurityContext().endContainer()
                .build();

        assertEquals(List.of(), RestrictedPodSecurity.violations(pod));
    }

    @Test
    void flagsEveryViolationOfAPodThatIgnoresIt() {
        PodSpec pod = new PodSpecBuilder()
                .withHostNetwork(true)
                .withNewSecurityContext().withRunAsUser(0L).endSecurityContext()
                .addNewVolume().withName("host").withNewHostPath().withPath("/var/run").endHostPath().endVolume()
                .addNewContainer().withName("app").withImage("app")
                        .addNewPort().withContainerPort(8080).withHostPort(8080).endPort()
                        .withNewSecurityContext().withPrivileged(true)
                                .withNewCapabilities().addToAdd("SYS_ADMIN").endCapabilities()
                                .withNewSeccompProfile().withType("Unconfined").endSeccompProfile()
                        .endSecurityContext()
                .endContainer()
                .build();

        List<String> violations = RestrictedPodSecurity.violations(pod);

        for (String expected : List.of("hostNetwork", "securityContext.runAsUser", "volume host", "privileged",
                "allowPrivilegeEscalation", "runAsNonRoot", "seccompProfile", "drop must contain ALL",
                "add may contain only NET_BIND_SERVICE", "hostPort")) {
            assertTrue(violations.stream().anyMatch(violation -> violation.contains(expected)),
                    "expected a violation about " + expected + " in " + violations);
        }
        assertEquals(10, violations.size(), violations.toString());
    }

    @Test
    void checksInitContainersToo() {
        PodSpec pod = compliant().addNewInitContainer().withName("init").withImage("busybox").endInitContainer().build();

        List<String> violations = RestrictedPodSecurity.violations(pod);

        assertEquals(2, violations.size(), violations.toString());
        assertTrue(violations.stream().allMatch(violation -> violation.startsWith("container init: ")), violations.toString());
    }

    private static PodSpecBuilder compliant() {
        return new PodSpecBuilder()
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(10001L)
                        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
                .addNewContainer().withName("app").withImage("app")
                        .withNewSecurityContext().withAllowPrivilegeEscalation(false)
                                .withNewCapabilities().addToDrop("ALL").endCapabilities()
                        .endSecurityContext()
                .endContainer();
    }
}
