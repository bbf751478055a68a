package dev.streamsmustflow.recovery.nemesis;

import dev.streamsmustflow.recovery.platform.Capability;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A fault the platform cannot do: refused before anything is deployed. */
public final class UnsupportedFaultException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private UnsupportedFaultException(String message) {
        super(message);
    }

    /** Refuses {@code fault} unless {@code capabilities} cover what it needs. */
    public static void refuseUnless(Fault fault, String platform, Set<Capability> capabilities) {
        Set<Capability> missing = new TreeSet<>(fault.nemesis().needs());
        missing.removeAll(capabilities);
        if (!missing.isEmpty()) {
            throw new UnsupportedFaultException(fault + " cannot run on platform " + platform + ": it needs " + missing
                    + " (" + missing.stream().map(Capability::requires).distinct().collect(Collectors.joining(", ")) + ")");
        }
    }
}
