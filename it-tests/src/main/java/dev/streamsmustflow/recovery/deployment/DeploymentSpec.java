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
        Topics topics,
        AppSettings settings) {

    /** The pod name prefix of the manifests. */
    public static final String APP_NAME = "trade-stats";

    public DeploymentSpec {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, was " + replicas);
        }
    }

    /** The topics of one application: what it reads, what it writes, where bad input goes. */
    public record Topics(String input, String output, String deadLetter) {

        /** {@code <prefix>-trades}, {@code <prefix>-trade-stats} and {@code <prefix>-dead-letter}. */
        public static Topics prefixedWith(String prefix) {
            return new Topics(prefix + "-trades", prefix + "-trade-stats", prefix + "-dead-letter");
        }
    }

    /**
     * The settings as a run records them: the pods' environment plus the platform's own settings
     * ({@link PodManagementPolicy#SETTING}), so that a report can tell runs apart by them.
     */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>(settings.env(variant));
        env.put(AppVariable.APPLICATION_ID.name(), applicationId);
        env.put(AppVariable.INPUT_TOPIC.name(), topics.input());
        env.put(AppVariable.OUTPUT_TOPIC.name(), topics.output());
        env.put(AppVariable.DEAD_LETTER_TOPIC.name(), topics.deadLetter());
        return env;
    }

    /** The pods' environment: {@link #env()} without the settings that are the platform's, not the app's. */
    public Map<String, String> podEnv() {
        Map<String, String> env = env();
        env.remove(PodManagementPolicy.SETTING);
        return env;
    }

    /** How a StatefulSet starts and replaces its pods: as the settings say, the manifests' Parallel otherwise. */
    public PodManagementPolicy podManagementPolicy() {
        String chosen = settings.extraEnv().get(PodManagementPolicy.SETTING);
        return chosen == null ? PodManagementPolicy.PARALLEL : PodManagementPolicy.of(chosen);
    }
}
