package dev.streamsmustflow.recovery.nemesis;

import dev.streamsmustflow.recovery.platform.Capability;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A fault the platform cannot do: refused before anything is deployed. */
public final class UnsupportedFaultException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private UnsupportedFaultException(String message) {
        super(message);
    }

    /** Refuses {@code fault} unless the {@code platform}'s capabilities cover what it needs. */
    public static void refuseUnless(Fault fault, PlatformKind platform) {
        Set<Capability> missing = new TreeSet<>(fault.nemesis().needs());
        missing.removeAll(platform.capabilities());
        if (!missing.isEmpty()) {
            throw new UnsupportedFaultException(fault + " cannot run on platform " + platform + ": it needs " + missing
                    + " (" + missing.stream().map(Capability::requires).distinct().collect(Collectors.joining(", ")) + ")");
        }
    }
}
