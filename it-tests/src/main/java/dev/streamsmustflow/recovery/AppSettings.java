package dev.streamsmustflow.recovery;

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
