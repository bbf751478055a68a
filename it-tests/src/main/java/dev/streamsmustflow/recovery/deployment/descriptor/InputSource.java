package dev.streamsmustflow.recovery.deployment.descriptor;

/**
 * Where an input topic's records come from: a file of records, one JSON object a line ({@code key}, {@code value},
 * {@code timestamp}, optional {@code partition}), replayed in order; or a generator class in a jar, which the
 * harness calls with a seed. Exactly one of the two.
 *
 * @param file the file, relative to the descriptor's directory; null where a generator is given
 * @param generator the generator; null where a file is given
 */
public record InputSource(String file, GeneratorClass generator) {
}
