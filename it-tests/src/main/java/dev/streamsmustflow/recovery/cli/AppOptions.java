package dev.streamsmustflow.recovery.cli;

import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import dev.streamsmustflow.recovery.deployment.descriptor.DescriptorReader;
import dev.streamsmustflow.recovery.workload.replay.ReplayInput;
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
     * The described app, read strictly, each input's source read or made once (a file with a bad line, a generator
     * the run could not make, refused before anything runs); null for trade-stats.
     *
     * @throws dev.streamsmustflow.recovery.deployment.descriptor.DescriptorException naming the file and what is wrong
     * @throws IllegalArgumentException naming an input's source and what is wrong with it
     */
    AppDescriptor described() {
        if (descriptor == null) {
            if (referenceRun) {
                throw new IllegalArgumentException("--reference-run is for --app: trade-stats has its own oracle");
            }
            return null;
        }
        AppDescriptor read = DescriptorReader.read(descriptor);
        read.inputs().forEach(input -> ReplayInput.refuseUnusable(input, read.app().jar()));
        return referenceRun ? read.withoutReference() : read;
    }
}
