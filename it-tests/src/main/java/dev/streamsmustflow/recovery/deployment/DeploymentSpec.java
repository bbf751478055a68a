package dev.streamsmustflow.recovery.deployment;

import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import dev.streamsmustflow.recovery.deployment.descriptor.EnvPlaceholder;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One deployment of the application: variant, replicas, topics and settings.
 *
 * @param name the pod name prefix, {@code trade-stats} as in the manifests
 * @param described a user's app from its descriptor, which takes its settings from the descriptor's environment;
 *     null for the shipped trade-stats
 */
public record DeploymentSpec(
        String name,
        String applicationId,
        Variant variant,
        int replicas,
        Topics topics,
        AppSettings settings,
        AppDescriptor described) {

    /** The pod name prefix of the manifests. */
    public static final String APP_NAME = "trade-stats";

    public DeploymentSpec {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, was " + replicas);
        }
    }

    /** The shipped trade-stats. */
    public DeploymentSpec(String name, String applicationId, Variant variant, int replicas, Topics topics,
            AppSettings settings) {
        this(name, applicationId, variant, replicas, topics, settings, null);
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
     * ({@link PodManagementPolicy#SETTING}), so that a report can tell runs apart by them. For a described app, its
     * descriptor's environment as written (placeholders unfilled) with the run's extra variables over it.
     */
    public Map<String, String> env() {
        if (described != null) {
            Map<String, String> env = new LinkedHashMap<>(described.env());
            env.putAll(settings.extraEnv());
            return env;
        }
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

    /**
     * The environment of a described app's pod: its descriptor's, each placeholder filled for this pod, with the
     * run's extra variables over it. The pod's {@code group.instance.id} ({@code ${instanceId}}) is its name where
     * the variant has static membership, empty otherwise.
     */
    public Map<String, String> describedPodEnv(String podName, String bootstrapServers, String stateDir) {
        if (described == null) {
            throw new IllegalStateException(name + " is the shipped trade-stats, not a described app");
        }
        Map<EnvPlaceholder, String> values = new EnumMap<>(EnvPlaceholder.class);
        values.put(EnvPlaceholder.BOOTSTRAP_SERVERS, bootstrapServers);
        values.put(EnvPlaceholder.STATE_DIR, stateDir);
        values.put(EnvPlaceholder.POD_NAME, podName);
        values.put(EnvPlaceholder.INSTANCE_ID, settings.staticMembershipFor(variant) ? podName : "");
        values.put(EnvPlaceholder.PROCESSING_GUARANTEE, settings.effectiveProcessingGuarantee().setting());
        values.put(EnvPlaceholder.APPLICATION_ID, applicationId);
        Map<String, String> env = new LinkedHashMap<>();
        described.env().forEach((variable, value) -> env.put(variable, EnvPlaceholder.fill(value, values)));
        env.putAll(settings.extraEnv());
        env.remove(PodManagementPolicy.SETTING);
        return env;
    }

    /** How a StatefulSet starts and replaces its pods: as the settings say, the manifests' Parallel otherwise. */
    public PodManagementPolicy podManagementPolicy() {
        String chosen = settings.extraEnv().get(PodManagementPolicy.SETTING);
        return chosen == null ? PodManagementPolicy.PARALLEL : PodManagementPolicy.of(chosen);
    }
}
