package dev.streamsmustflow.recovery.deployment.descriptor;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the harness fills into an app's environment per pod, written {@code ${name}} in a descriptor's {@code env}
 * values: {@code KAFKA_BOOTSTRAP: ${bootstrapServers}}, {@code STATE_DIR: ${stateDir}/streams}.
 */
public enum EnvPlaceholder {
    /** The brokers as the pod reaches them. */
    BOOTSTRAP_SERVERS("bootstrapServers"),
    /** The pod's state directory: on its volume for a StatefulSet, empty for a new Deployment pod. */
    STATE_DIR("stateDir"),
    /** The pod's name: stable for a StatefulSet ({@code name-0}), new for every Deployment pod. */
    POD_NAME("podName"),
    /** The pod's {@code group.instance.id} for static membership: its name where the variant is a StatefulSet. */
    INSTANCE_ID("instanceId"),
    /** {@code exactly_once_v2} or {@code at_least_once}, for an app that reads its guarantee from the environment. */
    PROCESSING_GUARANTEE("processingGuarantee"),
    /** The scenario's application id (the descriptor's, made unique per scenario). */
    APPLICATION_ID("applicationId");

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

    private final String name;

    EnvPlaceholder(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "${" + name + "}";
    }

    public static Optional<EnvPlaceholder> named(String name) {
        return Arrays.stream(values()).filter(placeholder -> placeholder.name.equals(name)).findFirst();
    }

    /**
     * {@code value} with every placeholder in it replaced by its value in {@code values}; the descriptor's rules
     * refused unknown names before.
     *
     * @throws IllegalArgumentException for a placeholder {@code values} has no value for
     */
    public static String fill(String value, Map<EnvPlaceholder, String> values) {
        return REFERENCE.matcher(value).replaceAll(match -> {
            EnvPlaceholder placeholder = named(match.group(1))
                    .orElseThrow(() -> new IllegalArgumentException("no placeholder " + match.group()));
            String filled = values.get(placeholder);
            if (filled == null) {
                throw new IllegalArgumentException("no value for " + placeholder + " in '" + value + "'");
            }
            return Matcher.quoteReplacement(filled);
        });
    }

    /** The names written {@code ${...}} in {@code value} that no placeholder has, in order. */
    static Set<String> unknownIn(String value) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = REFERENCE.matcher(value);
        while (matcher.find()) {
            if (named(matcher.group(1)).isEmpty()) {
                unknown.add(matcher.group(1));
            }
        }
        return unknown;
    }
}
