package dev.streamsmustflow.recovery.platform;

import java.util.Optional;

/**
 * A process's peak resident memory as the kernel counts it ({@code VmHWM} in {@code /proc/<pid>/status}:
 * the resident set's high-water mark since the process started), or why it could not be read.
 *
 * @param peakResidentBytes null when unmeasured
 * @param unmeasured why it is absent; null when measured
 */
public record ProcessMemory(Long peakResidentBytes, String unmeasured) {

    public ProcessMemory {
        if ((peakResidentBytes == null) == (unmeasured == null)) {
            throw new IllegalArgumentException("either a figure or why there is none, was " + peakResidentBytes + " and "
                    + unmeasured);
        }
    }

    public static ProcessMemory unmeasured(String why) {
        return new ProcessMemory(null, why);
    }

    /**
     * The peak in the text of a {@code /proc/<pid>/status} file of {@code what} (named in the reason when it
     * lacks one); of several status files one after the other, the largest: a wrapper shell's is tiny.
     */
    public static ProcessMemory ofProcStatus(String status, String what) {
        return highWaterMarkKilobytes(status).map(kilobytes -> new ProcessMemory(kilobytes * 1_024, null))
                .orElseGet(() -> unmeasured("the status of " + what + " has no VmHWM line"));
    }

    private static Optional<Long> highWaterMarkKilobytes(String status) {
        return status.lines().map(line -> line.strip().split("\\s+"))
                .filter(parts -> parts.length == 3 && parts[0].equals("VmHWM:") && parts[2].equals("kB")
                        && parts[1].chars().allMatch(Character::isDigit))
                .map(parts -> Long.parseLong(parts[1])).max(Long::compare);
    }
}
