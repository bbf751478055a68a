package dev.streamsmustflow.recovery.platform.kubernetes;

import dev.streamsmustflow.recovery.deployment.ShippedManifests;
import dev.streamsmustflow.recovery.deployment.Variant;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shipped manifests ({@code manifests/} at the repository root), rendered exactly as users
 * render them: {@code kubectl kustomize <overlay>}. Tests and platforms edit the result with
 * {@link ManifestEdits} instead of keeping a copy of the YAML.
 */
public final class Manifests {

    /** The kubectl binary; the fallback finds it on the PATH. */
    public static final String KUBECTL_PROPERTY = "kubectl";

    private static final long RENDER_TIMEOUT_SECONDS = 60;
    private static final long VERSION_TIMEOUT_SECONDS = 10;

    // Serialization's static methods are deprecated for Kubernetes resources in fabric8 7+.
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Manifests() {
    }

    public static List<HasMetadata> render(Variant variant) {
        return render(ShippedManifests.overlay(variant));
    }

    /** Runs {@code kubectl kustomize overlayDir} and parses its output. */
    public static List<HasMetadata> render(Path overlayDir) {
        return render(overlayDir, kubectl());
    }

    static List<HasMetadata> render(Path overlayDir, String kubectl) {
        return parse(kustomize(overlayDir, kubectl), overlayDir.toString());
    }

    /** Whether {@code kubectl version --client} runs; the reason it does not is in {@link #kubectlProblem()}. */
    public static boolean kubectlAvailable() {
        return kubectlProblem().isEmpty();
    }

    /** Empty when kubectl runs, otherwise why not: to print when a test skips. */
    public static String kubectlProblem() {
        return kubectlProblem(kubectl());
    }

    static String kubectlProblem(String kubectl) {
        try {
            Output output = run(List.of(kubectl, "version", "--client"), VERSION_TIMEOUT_SECONDS);
            return output.exitCode() == 0 ? "" : "'" + kubectl + " version --client' failed: " + output.stderr();
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    static List<HasMetadata> parse(String yaml, String source) {
        Object parsed = SERIALIZATION.unmarshal(yaml);
        // One document parses to a resource, several to a list of them.
        List<?> documents = parsed instanceof List<?> list ? list : parsed == null ? List.of() : List.of(parsed);
        List<HasMetadata> objects = new ArrayList<>();
        for (Object document : documents) {
            if (!(document instanceof HasMetadata object)) {
                throw new IllegalStateException(source + " rendered something that is not a Kubernetes object: "
                        + (document == null ? "an empty document" : document.getClass().getName()));
            }
            objects.add(object);
        }
        if (objects.isEmpty()) {
            throw new IllegalStateException(source + " rendered no Kubernetes objects");
        }
        return List.copyOf(objects);
    }

    private static String kustomize(Path overlayDir, String kubectl) {
        if (!Files.isRegularFile(overlayDir.resolve("kustomization.yaml"))) {
            throw new IllegalArgumentException(overlayDir + " is not a kustomize overlay: it has no kustomization.yaml");
        }
        List<String> command = List.of(kubectl, "kustomize", overlayDir.toAbsolutePath().toString());
        Output output = run(command, RENDER_TIMEOUT_SECONDS);
        if (output.exitCode() != 0) {
            throw new IllegalStateException("'" + String.join(" ", command) + "' exited with " + output.exitCode()
                    + ": " + output.stderr());
        }
        return output.stdout();
    }

    private static String kubectl() {
        return System.getProperty(KUBECTL_PROPERTY, "kubectl");
    }

    /** Runs a command with its output in files, so that a full pipe can never block it. */
    private static Output run(List<String> command, long timeoutSeconds) {
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("kubectl-", ".out");
            stderr = Files.createTempFile("kubectl-", ".err");
            Process process = start(command, stdout, stderr);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("'" + String.join(" ", command) + "' did not finish within "
                        + timeoutSeconds + " s: " + Files.readString(stderr).strip());
            }
            return new Output(process.exitValue(), Files.readString(stdout), Files.readString(stderr).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static Process start(List<String> command, Path stdout, Path stderr) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new IllegalStateException("kubectl is needed to render the manifests but '" + command.get(0)
                    + "' could not be started (install kubectl or set -D" + KUBECTL_PROPERTY
                    + "=<path>): " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temp file must not hide the real outcome
        }
    }

    private record Output(int exitCode, String stdout, String stderr) {
    }
}
