package dev.streamsmustflow.recovery.platform.k3s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsmustflow.recovery.platform.ProcessSignal;
import dev.streamsmustflow.recovery.platform.kubernetes.ContainerSignals;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Signals an application container's process from its Kubernetes node: KILL, so that the kubelet
 * restarts the container inside the same pod (its emptyDir survives), or STOP and CONT to freeze it.
 * The signal must come from the node: the kernel ignores a SIGKILL sent to PID 1 from inside its own
 * PID namespace. The container is found with crictl, the process then by its PID (through {@code sh},
 * whose {@code kill} and {@code test} are builtins: the node image need not ship them as programs).
 */
final class NodeProcessSignals implements ContainerSignals {

    /** Runs a command on the node (in k3s: inside the k3s container, where crictl talks to containerd). */
    @FunctionalInterface
    interface NodeShell {
        CommandResult run(String... command);
    }

    record CommandResult(int exitCode, String stdout, String stderr) {
    }

    private static final Pattern POD_UID = Pattern.compile("[0-9a-fA-F-]{1,64}");
    private static final Pattern CONTAINER_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NodeShell node;

    NodeProcessSignals(NodeShell node) {
        this.node = node;
    }

    @Override
    public long send(String podUid, String containerName, ProcessSignal signal) {
        if (podUid == null || !POD_UID.matcher(podUid).matches()) {
            throw new IllegalArgumentException("not a pod uid: '" + podUid + "'");
        }
        if (containerName == null || !CONTAINER_NAME.matcher(containerName).matches()) {
            throw new IllegalArgumentException("not a container name: '" + containerName + "'");
        }
        // A pod keeps its sandbox across container restarts; only a recreated sandbox leaves a not-ready one behind.
        String sandbox = onlyLine(run("crictl", "pods", "--label", "io.kubernetes.pod.uid=" + podUid,
                "--state", "ready", "-q"), "ready sandbox of pod " + podUid);
        // crictl ps lists running containers only; --name is a regular expression.
        String container = onlyLine(run("crictl", "ps", "--pod", sandbox, "--name", "^" + containerName + "$", "-q"),
                "running container " + containerName + " of pod " + podUid);
        long pid = pidOf(run("crictl", "inspect", container), container);
        run(kill(pid, signal));
        return pid;
    }

    @Override
    public boolean send(long pid, ProcessSignal signal) {
        String[] kill = kill(pid, signal);
        CommandResult result = node.run(kill);
        if (result.exitCode() == 0) {
            return true;
        }
        if (!exists(pid)) {
            return false;
        }
        throw new IllegalStateException("'" + String.join(" ", kill) + "' on the node exited with " + result.exitCode()
                + " while process " + pid + " still exists: " + result.stderr().strip());
    }

    @Override
    public boolean exists(long pid) {
        requirePid(pid);
        return node.run("sh", "-c", "test -e /proc/" + pid).exitCode() == 0;
    }

    private static String[] kill(long pid, ProcessSignal signal) {
        requirePid(pid);
        return new String[] {"sh", "-c", "kill -" + signal.name() + " " + pid};
    }

    private static void requirePid(long pid) {
        if (pid <= 1) {
            throw new IllegalArgumentException("not the PID of an app's process on the node: " + pid);
        }
    }

    private String run(String... command) {
        CommandResult result = node.run(command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("'" + String.join(" ", command) + "' on the node exited with "
                    + result.exitCode() + ": " + result.stderr().strip());
        }
        return result.stdout();
    }

    private static String onlyLine(String output, String what) {
        List<String> lines = Arrays.stream(output.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (lines.size() != 1) {
            throw new IllegalStateException("expected exactly one " + what + " on the node, found " + lines.size()
                    + (lines.isEmpty() ? "" : ": " + lines));
        }
        return lines.get(0);
    }

    private static long pidOf(String inspectJson, String container) {
        try {
            JsonNode pid = JSON.readTree(inspectJson).path("info").path("pid");
            if (!pid.canConvertToLong() || pid.asLong() <= 0) {
                throw new IllegalStateException("crictl inspect " + container + " names no process id (info.pid: "
                        + pid + ")");
            }
            return pid.asLong();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("crictl inspect " + container + " did not print JSON: " + e.getMessage(),
                    e);
        }
    }
}
