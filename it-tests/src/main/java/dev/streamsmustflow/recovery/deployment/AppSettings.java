package dev.streamsmustflow.recovery.deployment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The application settings a scenario varies, turned into the same environment variables the
 * manifests set (see the app's README configuration table).
 *
 * @param staticMembership null for the variant's default (static for a StatefulSet)
 * @param extraEnv any further variables, e.g. {@code KAFKA_STREAMS_SESSION_TIMEOUT_MS}
 */
public record AppSettings(
        String processingGuarantee,
        int standbyReplicas,
        boolean transactionalStateStores,
        String groupProtocol,
        Boolean staticMembership,
        Map<String, String> extraEnv) {

    public AppSettings {
        extraEnv = Map.copyOf(extraEnv);
    }

    public static AppSettings exactlyOnce() {
        return new AppSettings("exactly_once_v2", 0, false, "classic", null, Map.of());
    }

    /**
     * What every recovery scenario runs with: the guarantee; a session timeout short enough that a
     * dead dynamic member does not hold the group for the default 45 s; a store retention of a day,
     * so that every window of the workload stays in the store and the state grows with the workload;
     * and under at-least-once a 1 s commit interval (its default is 30 s, and catching up means a commit).
     */
    public static AppSettings forScenario(String guarantee, long sessionTimeoutMs) {
        AppSettings settings = exactlyOnce().withProcessingGuarantee(guarantee)
                .withEnv("KAFKA_STREAMS_SESSION_TIMEOUT_MS", Long.toString(sessionTimeoutMs))
                .withEnv("STORE_RETENTION_MS", "86400000");
        return guarantee.startsWith("exactly_once") ? settings : settings.withEnv("KAFKA_STREAMS_COMMIT_INTERVAL_MS", "1000");
    }

    public AppSettings withProcessingGuarantee(String guarantee) {
        return new AppSettings(guarantee, standbyReplicas, transactionalStateStores, groupProtocol, staticMembership, extraEnv);
    }

    public AppSettings withEnv(String variable, String value) {
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        env.put(variable, value);
        return new AppSettings(processingGuarantee, standbyReplicas, transactionalStateStores, groupProtocol, staticMembership, env);
    }

    public boolean staticMembershipFor(Variant variant) {
        return staticMembership == null ? variant.staticMembershipByDefault() : staticMembership;
    }

    /** The environment of one pod, without the platform's own variables (bootstrap, pod name, state dir). */
    public Map<String, String> env(Variant variant) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PROCESSING_GUARANTEE", processingGuarantee);
        env.put("NUM_STANDBY_REPLICAS", Integer.toString(standbyReplicas));
        env.put("TRANSACTIONAL_STATE_STORES", Boolean.toString(transactionalStateStores));
        env.put("GROUP_PROTOCOL", groupProtocol);
        env.put("STATIC_MEMBERSHIP", Boolean.toString(staticMembershipFor(variant)));
        env.putAll(extraEnv);
        return env;
    }
}
