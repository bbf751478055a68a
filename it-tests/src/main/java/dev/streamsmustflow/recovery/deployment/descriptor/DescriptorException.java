package dev.streamsmustflow.recovery.deployment.descriptor;

/** A descriptor that cannot be run as it is, with one line that says where and why. */
public final class DescriptorException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public DescriptorException(String message) {
        super(message);
    }
}
