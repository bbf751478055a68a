package dev.streamsmustflow.recovery.deployment.descriptor;

/**
 * What runs the app: a runnable jar ({@code java -jar}, the local platform) and/or a container image (the docker,
 * k3s and cluster platforms). A relative jar path is resolved against the descriptor's directory.
 *
 * @param jar the runnable jar; null where only an image is given
 * @param image the image, {@code name:tag}; null where only a jar is given
 */
public record AppArtifacts(String jar, String image) {
}
