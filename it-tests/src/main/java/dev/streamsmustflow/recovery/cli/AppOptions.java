package dev.streamsmustflow.recovery.cli;

import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import dev.streamsmustflow.recovery.deployment.descriptor.DescriptorReader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which app a comparison runs: trade-stats, or a user's own from its descriptor. */
final class AppOptions {

    @Option(names = "--app", description = "Your own Kafka Streams app in place of trade-stats, described in a file "
            + "(docs/own-app.md; a relative path is from the repository's root). Local or docker platform; needs --rate.")
    Path descriptor;

    @Option(names = "--reference-run", description = "With --app: judge each run against a fault-free run of the app "
            + "on the same platform, even where the descriptor names a topology to drive (without one, that is the "
            + "reference anyway).")
    boolean referenceRun;

    /**
     * The described app, read strictly; null for trade-stats.
     *
     * @throws dev.streamsmustflow.recovery.deployment.descriptor.DescriptorException naming the file and what is wrong
     */
    AppDescriptor described() {
        if (descriptor == null) {
            if (referenceRun) {
                throw new IllegalArgumentException("--reference-run is for --app: trade-stats has its own oracle");
            }
            return null;
        }
        AppDescriptor read = DescriptorReader.read(descriptor);
        return referenceRun ? read.withoutReference() : read;
    }
}
