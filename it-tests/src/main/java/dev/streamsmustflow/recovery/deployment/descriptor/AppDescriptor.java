package dev.streamsmustflow.recovery.deployment.descriptor;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A user's own Kafka Streams app as the harness runs it, read from a descriptor file ({@link DescriptorReader}):
 * what to start, how it takes its settings, which topics it reads and writes, and how to judge what it writes.
 * The app's code is not changed: the harness only sets its environment.
 *
 * @param name what reports call the app
 * @param app the runnable jar (local platform) and/or the container image (docker, k3s, cluster)
 * @param applicationId the app's {@code application.id}: its consumer group, and the prefix of the changelog and
 *     repartition topics Kafka Streams creates
 * @param env the app's environment: fixed values, or placeholders the harness fills per pod ({@link EnvPlaceholder})
 * @param inputs the topics the app reads, each created by the harness and fed from its source
 * @param outputs the topics the app writes, each with the semantics the checker applies
 * @param deadLetterTopic where the app writes records it rejects; null where it has none
 * @param reference how to compute the expected output without faults: the app's own topology in
 *     {@code TopologyTestDriver}; null for a fault-free reference run of the app itself
 * @param digest the SHA-256 of the descriptor file's bytes, hex, as {@link DescriptorReader} read it: what reports
 *     name, so that two reports of one app can be told apart; not a field of the file; null for one made in code
 */
public record AppDescriptor(
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) AppArtifacts app,
        @JsonProperty(required = true) String applicationId,
        Map<String, String> env,
        @JsonProperty(required = true) List<InputTopic> inputs,
        @JsonProperty(required = true) List<OutputTopic> outputs,
        String deadLetterTopic,
        TopologyReference reference,
        @JsonIgnore String digest) {

    public AppDescriptor {
        env = env == null ? Map.of() : Map.copyOf(env);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** The same, judged against a fault-free run of the app rather than its topology in {@code TopologyTestDriver}. */
    public AppDescriptor withoutReference() {
        return new AppDescriptor(name, app, applicationId, env, inputs, outputs, deadLetterTopic, null, digest);
    }

    /** The same, read from a file whose bytes have this digest. */
    public AppDescriptor withDigest(String digest) {
        return new AppDescriptor(name, app, applicationId, env, inputs, outputs, deadLetterTopic, reference, digest);
    }
}
