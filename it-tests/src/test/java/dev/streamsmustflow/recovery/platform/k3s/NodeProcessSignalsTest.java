package dev.streamsmustflow.recovery.platform.k3s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.platform.ProcessSignal;
import dev.streamsmustflow.recovery.platform.k3s.NodeProcessSignals.CommandResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The crictl conversation that finds an app container's process on the node, against a scripted node. */
class NodeProcessSignalsTest {

    private static final String POD_UID = "7c1e1d4b-3f6a-4a53-9d0c-2b8f1e6a9e11";

    private final Map<String, CommandResult> answers = new LinkedHashMap<>();
    private final List<String> commands = new ArrayList<>();
    private final NodeProcessSignals killer = new NodeProcessSignals(command -> {
        String line = String.join(" ", command);
        commands.add(line);
        return answers.getOrDefault(line, new CommandResult(1, "", "unexpected command: " + line));
    });

    @Test
    void killsTheContainersMainProcessFromTheNode() {
        answer("crictl pods --label io.kubernetes.pod.uid=" + POD_UID + " --state ready -q", "sandbox-1\n");
        answer("crictl ps --pod sandbox-1 --name ^trade-stats$ -q", "container-9\n");
        answer("crictl inspect container-9", "{\"status\":{\"state\":\"CONTAINER_RUNNING\"},\"info\":{\"pid\":4242}}");
        answer("sh -c kill -KILL 4242", "");

        long pid = killer.send(POD_UID, "trade-stats", ProcessSignal.KILL);

        assertEquals(4242, pid);
        assertEquals("sh -c kill -KILL 4242", commands.get(commands.size() - 1));
    }

    @Test
    void aPodWithoutARunningContainerIsReportedNotKilled() {
        answer("crictl pods --label io.kubernetes.pod.uid=" + POD_UID + " --state ready -q", "sandbox-1\n");
        answer("crictl ps --pod sandbox-1 --name ^trade-stats$ -q", "");

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> killer.send(POD_UID, "trade-stats", ProcessSignal.KILL));

        assertTrue(error.getMessage().contains("running container trade-stats"), error.getMessage());
        assertTrue(commands.stream().noneMatch(command -> command.contains("kill")), commands.toString());
    }

    @Test
    void aFailingNodeCommandNamesItselfAndItsError() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> killer.send(POD_UID, "trade-stats", ProcessSignal.KILL));

        assertTrue(error.getMessage().contains("crictl pods") && error.getMessage().contains("unexpected command"),
                error.getMessage());
    }

    @Test
    void aProcessIsSignalledByItsPidAndOneThatHasEndedIsToldApartFromAFailure() {
        answer("sh -c kill -KILL 4242", "");
        answers.put("sh -c kill -KILL 4343", new CommandResult(1, "", "kill: No such process"));
        answers.put("sh -c test -e /proc/4343", new CommandResult(1, "", ""));
        answers.put("sh -c kill -KILL 4444", new CommandResult(1, "", "kill: Operation not permitted"));
        answer("sh -c test -e /proc/4444", "");

        assertTrue(killer.send(4242, ProcessSignal.KILL), "signalled");
        assertFalse(killer.send(4343, ProcessSignal.KILL), "no such process any more");
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> killer.send(4444, ProcessSignal.KILL));
        assertTrue(error.getMessage().contains("process 4444 still exists")
                && error.getMessage().contains("Operation not permitted"), error.getMessage());
    }

    @Test
    void whetherAProcessExistsIsAskedOfTheNodesProc() {
        answer("sh -c test -e /proc/4242", "");
        answers.put("sh -c test -e /proc/4343", new CommandResult(1, "", ""));

        assertTrue(killer.exists(4242));
        assertFalse(killer.exists(4343));
        assertThrows(IllegalArgumentException.class, () -> killer.exists(1), "never PID 1 of the node");
    }

    @Test
    void namesThatCouldEscapeTheCommandsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> killer.send(POD_UID, "trade-stats$|.*", ProcessSignal.KILL));
        assertThrows(IllegalArgumentException.class, () -> killer.send("x; reboot", "trade-stats", ProcessSignal.KILL));
    }

    private void answer(String command, String stdout) {
        answers.put(command, new CommandResult(0, stdout, ""));
    }
}
