package dev.streamsmustflow.recovery.platform.kubernetes;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The checks of the Kubernetes "restricted" Pod Security Standard (which includes "baseline") that
 * a pod spec can fail, so that a test sees a violation before an admission controller rejects the
 * pod: https://kubernetes.io/docs/concepts/security/pod-security-standards/. Not covered: AppArmor,
 * SELinux options, sysctls and Windows host processes, which the manifests never set.
 */
final class RestrictedPodSecurity {

    private static final Set<String> SECCOMP_TYPES = Set.of("RuntimeDefault", "Localhost");

    private RestrictedPodSecurity() {
    }

    /** Empty when the pod passes; otherwise one line per violation, naming the field. */
    static List<String> violations(PodSpec pod) {
        List<String> violations = new ArrayList<>();
        checkHostNamespaces(pod, violations);
        checkVolumes(pod, violations);
        PodSecurityContext podContext = pod.getSecurityContext() == null ? new PodSecurityContext() : pod.getSecurityContext();
        if (Long.valueOf(0).equals(podContext.getRunAsUser())) {
            violations.add("securityContext.runAsUser must not be 0");
        }
        for (Container container : containers(pod)) {
            checkContainer(container, podContext, violations);
        }
        return violations;
    }

    private static void checkHostNamespaces(PodSpec pod, List<String> violations) {
        if (Boolean.TRUE.equals(pod.getHostNetwork())) {
            violations.add("hostNetwork must not be true");
        }
        if (Boolean.TRUE.equals(pod.getHostPID())) {
            violations.add("hostPID must not be true");
        }
        if (Boolean.TRUE.equals(pod.getHostIPC())) {
            violations.add("hostIPC must not be true");
        }
    }

    private static void checkVolumes(PodSpec pod, List<String> violations) {
        for (Volume volume : pod.getVolumes()) {
            boolean allowed = volume.getConfigMap() != null || volume.getCsi() != null || volume.getDownwardAPI() != null
                    || volume.getEmptyDir() != null || volume.getEphemeral() != null
                    || volume.getPersistentVolumeClaim() != null || volume.getProjected() != null
                    || volume.getSecret() != null;
            if (!allowed) {
                violations.add("volume " + volume.getName() + " must be a configMap, csi, downwardAPI, emptyDir, "
                        + "ephemeral, persistentVolumeClaim, projected or secret volume");
            }
        }
    }

    private static void checkContainer(Container container, PodSecurityContext pod, List<String> violations) {
        String where = "container " + container.getName() + ": ";
        SecurityContext context = container.getSecurityContext() == null ? new SecurityContext() : container.getSecurityContext();
        if (Boolean.TRUE.equals(context.getPrivileged())) {
            violations.add(where + "securityContext.privileged must not be true");
        }
        if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
            violations.add(where + "securityContext.allowPrivilegeEscalation must be false");
        }
        boolean nonRoot = context.getRunAsNonRoot() != null ? context.getRunAsNonRoot() : Boolean.TRUE.equals(pod.getRunAsNonRoot());
        if (!nonRoot) {
            violations.add(where + "runAsNonRoot must be true in the pod's or the container's securityContext");
        }
        if (Long.valueOf(0).equals(context.getRunAsUser())) {
            violations.add(where + "securityContext.runAsUser must not be 0");
        }
        SeccompProfile seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile() : pod.getSeccompProfile();
        if (seccomp == null || !SECCOMP_TYPES.contains(seccomp.getType())) {
            violations.add(where + "seccompProfile.type must be RuntimeDefault or Localhost in the pod's or the container's securityContext");
        }
        Capabilities capabilities = context.getCapabilities();
        if (capabilities == null || !capabilities.getDrop().contains("ALL")) {
            violations.add(where + "securityContext.capabilities.drop must contain ALL");
        }
        if (capabilities != null && capabilities.getAdd().stream().anyMatch(added -> !added.equals("NET_BIND_SERVICE"))) {
            violations.add(where + "securityContext.capabilities.add may contain only NET_BIND_SERVICE, has " + capabilities.getAdd());
        }
        if (context.getProcMount() != null && !context.getProcMount().equals("Default")) {
            violations.add(where + "securityContext.procMount must be Default");
        }
        if (container.getPorts().stream().anyMatch(port -> port.getHostPort() != null && port.getHostPort() != 0)) {
            violations.add(where + "ports must not set a hostPort");
        }
    }

    /** Init and ephemeral containers count as much as the app's own; only the checked fields are copied. */
    private static List<Container> containers(PodSpec pod) {
        Stream<Container> ephemeral = pod.getEphemeralContainers().stream().map(e -> new ContainerBuilder()
                .withName(e.getName()).withSecurityContext(e.getSecurityContext()).withPorts(e.getPorts()).build());
        return Stream.of(pod.getInitContainers().stream(), pod.getContainers().stream(), ephemeral)
                .flatMap(s -> s).toList();
    }
}
