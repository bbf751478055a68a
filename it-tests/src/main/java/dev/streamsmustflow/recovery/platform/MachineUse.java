package dev.streamsmustflow.recovery.platform;

import java.util.List;

/**
 * How busy the machine was while a scenario ran, and with whose work ({@link MachineUseSampler}): a figure measured
 * on a shared machine is only as good as the knowledge that nothing else ran beside it. Every share is a percentage
 * of all the machine's cores over the run.
 *
 * @param durationMs how long it was sampled
 * @param cores the cores the kernel counts
 * @param busyPercent the CPU in use by anything, the kernel included ({@code /proc/stat})
 * @param harnessPercent the harness's JVM and the processes it started (the local platform's broker and pods)
 * @param containersPercent the container engine and the processes of its containers (the docker and k3s platforms'
 *     broker and pods)
 * @param otherPercent every other process: work that shared the machine with the run
 * @param busiestOthers the other processes that used most, as {@code command: CPU ms}, at most {@value #BUSIEST}
 * @param unmeasured why the figures are absent; null where they were measured
 */
public record MachineUse(Long durationMs, Integer cores, Double busyPercent, Double harnessPercent,
        Double containersPercent, Double otherPercent, List<String> busiestOthers, String unmeasured) {

    static final int BUSIEST = 3;

    public MachineUse {
        busiestOthers = busiestOthers == null ? List.of() : List.copyOf(busiestOthers);
        if ((otherPercent == null) == (unmeasured == null)) {
            throw new IllegalArgumentException("either the figures or why there are none, was " + otherPercent + " and "
                    + unmeasured);
        }
    }

    public static MachineUse unmeasured(String why) {
        return new MachineUse(null, null, null, null, null, null, List.of(), why);
    }
}
