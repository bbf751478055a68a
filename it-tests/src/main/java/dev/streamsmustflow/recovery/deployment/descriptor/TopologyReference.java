package dev.streamsmustflow.recovery.deployment.descriptor;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The app's own topology, for the expected output without faults in {@code TopologyTestDriver}: a class on the app
 * jar's class path that is a {@code Supplier<Topology>}, or has a static method that returns one.
 *
 * @param className the class's fully qualified name
 * @param method the static method that builds the topology; null where the class is a {@code Supplier<Topology>}
 * @param properties the properties to drive it with (its serdes, its settings)
 */
public record TopologyReference(
        @JsonProperty(value = "class", required = true) String className,
        String method,
        Map<String, String> properties) {

    public TopologyReference {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
