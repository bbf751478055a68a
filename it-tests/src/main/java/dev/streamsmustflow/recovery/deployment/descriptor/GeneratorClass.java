package dev.streamsmustflow.recovery.deployment.descriptor;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A class that generates an input topic's records from a seed.
 *
 * @param className its fully qualified name
 * @param jar the jar that holds it, relative to the descriptor's directory; null for the app's own jar
 */
public record GeneratorClass(@JsonProperty(value = "class", required = true) String className, String jar) {
}
