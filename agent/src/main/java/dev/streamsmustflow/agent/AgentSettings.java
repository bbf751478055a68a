package dev.streamsmustflow.agent;

import dev.streamsmustflow.telemetry.RecordCacheSwitch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent's argument ({@code -javaagent:recovery-agent.jar=instance=NAME}): comma-separated {@code key=value}
 * pairs. An unknown key or a pair without {@code =} stops the JVM at start with the key named: a typo must not
 * pass for a setting. The environment variable {@value RecordCacheSwitch#VARIABLE} set to {@value RecordCacheSwitch#OFF}
 * turns the application's record cache off (a reference run's); any other value of it stops the JVM the same way.
 *
 * @param instance the name in every telemetry line: the pod's name
 * @param recordCacheOff whether the agent sets {@code statestore.cache.max.bytes} to 0 in what the application gives
 *     the {@code KafkaStreams} constructor, so that every update of a store is written, as without a cache
 */
record AgentSettings(String instance, boolean recordCacheOff) {

    /** What the platforms set to the pod's name; the instance's name where the argument gives none. */
    static final String POD_NAME = "POD_NAME";
    static final String INSTANCE = "instance";

    static AgentSettings parse(String arguments, Map<String, String> environment) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (arguments != null && !arguments.isBlank()) {
            for (String pair : arguments.split(",")) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("recovery-agent: the argument '" + pair
                            + "' is no key=value pair (the agent takes instance=NAME)");
                }
                String key = pair.substring(0, equals).trim();
                if (!key.equals(INSTANCE)) {
                    throw new IllegalArgumentException("recovery-agent: unknown argument '" + key
                            + "' (the agent takes instance=NAME)");
                }
                pairs.put(key, pair.substring(equals + 1).trim());
            }
        }
        String instance = pairs.get(INSTANCE);
        if (instance == null || instance.isEmpty()) {
            instance = environment.get(POD_NAME);
        }
        if (instance == null || instance.isEmpty()) {
            instance = environment.getOrDefault("HOSTNAME", "pid-" + ProcessHandle.current().pid());
        }
        return new AgentSettings(instance, recordCacheOff(environment.get(RecordCacheSwitch.VARIABLE)));
    }

    private static boolean recordCacheOff(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        if (!value.equals(RecordCacheSwitch.OFF)) {
            throw new IllegalArgumentException("recovery-agent: " + RecordCacheSwitch.VARIABLE + " must be '"
                    + RecordCacheSwitch.OFF + "' or unset, was '" + value + "'");
        }
        return true;
    }
}
