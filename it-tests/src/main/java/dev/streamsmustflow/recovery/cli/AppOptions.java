package dev.streamsmustflow.recovery.cli;

import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import dev.streamsmustflow.recovery.deployment.descriptor.DescriptorReader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which app a comparison runs: trade-stats, or a user's own from its descriptor. */
final class AppOptions {

    @Option(names = "--app", description = "Your own Kafka Streams app in place of trade-stats, described in a file "
            + "(docs/own-app.md; a relative path is from the repository's root). Local platform; needs --rate.")
    Path descriptor;

    /**
     * The described app, read strictly; null for trade-stats.
     *
     * @throws dev.streamsmustflow.recovery.deployment.descriptor.DescriptorException naming the file and what is wrong
     */
    AppDescriptor described() {
        return descriptor == null ? null : DescriptorReader.read(descriptor);
    }
}
