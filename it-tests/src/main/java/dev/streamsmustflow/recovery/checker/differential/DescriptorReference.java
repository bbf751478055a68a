package dev.streamsmustflow.recovery.checker.differential;

import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import dev.streamsmustflow.recovery.workload.replay.ReplayRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The expected output of a described app, from the topology its descriptor names ({@code reference}), built from the
 * app's jar and driven in {@link TopologyDriverReference} with the reference's properties and the app's
 * application id.
 */
public final class DescriptorReference {

    private DescriptorReference() {
    }

    /**
     * @param input each input topic's records, as the run sends them
     * @return each output topic's records without faults
     */
    public static ExpectedOutput expectedOutput(AppDescriptor descriptor, Map<String, List<ReplayRecord>> input) {
        if (descriptor.reference() == null) {
            throw new IllegalArgumentException(descriptor.name() + " names no topology to drive ('reference'): its "
                    + "expected output needs a fault-free reference run");
        }
        if (descriptor.app().jar() == null) {
            throw new IllegalArgumentException(descriptor.name() + " has no jar ('app.jar') to build its topology from");
        }
        try (AppJarClassLoader classes = new AppJarClassLoader(Path.of(descriptor.app().jar()),
                DescriptorReference.class.getClassLoader())) {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(classes); // serdes named in the properties are the app's classes
            try {
                Map<String, String> properties = new HashMap<>(descriptor.reference().properties());
                properties.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, descriptor.applicationId());
                return TopologyDriverReference.expectedOutput(() -> TopologyLoader.load(descriptor.reference(), classes),
                        properties, input, descriptor.outputs());
            } finally {
                thread.setContextClassLoader(before);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the class loader of " + descriptor.app().jar(), e);
        }
    }
}
