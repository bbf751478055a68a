package dev.streamsmustflow.recovery.deployment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One deployment of the application: variant, replicas, topics and settings.
 *
 * @param name the pod name prefix, {@code trade-stats} as in the manifests
 */
public record DeploymentSpec(
        String name,
        String applicationId,
        Variant variant,
        int replicas,
        String inputTopic,
        String outputTopic,
        String deadLetterTopic,
        AppSettings settings) {

    public DeploymentSpec {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, was " + replicas);
        }
    }

    /** The pod environment: the settings plus application id and topics. */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>(settings.env(variant));
        env.put("APPLICATION_ID", applicationId);
        env.put("INPUT_TOPIC", inputTopic);
        env.put("OUTPUT_TOPIC", outputTopic);
        env.put("DEAD_LETTER_TOPIC", deadLetterTopic);
        return env;
    }
}
