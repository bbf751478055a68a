package dev.streamsmustflow.recovery.deployment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The application settings a scenario varies, turned into the same environment variables the
 * manifests set (see the configuration table of docs/app.md).
 *
 * @param staticMembership null for the variant's default (static for a StatefulSet)
 * @param extraEnv any further variables, e.g. {@code KAFKA_STREAMS_SESSION_TIMEOUT_MS}
 */
public record AppSettings(
        ProcessingGuarantee processingGuarantee,
        int standbyReplicas,
        boolean transactionalStateStores,
        GroupProtocol groupProtocol,
        Boolean staticMembership,
        Map<String, String> extraEnv) {

    /** The app's default {@code WINDOW_GRACE_MS}: how late in event time a trade may arrive. */
    public static final long DEFAULT_GRACE_MS = 5_000;

    public AppSettings {
        extraEnv = Map.copyOf(extraEnv);
    }

    public static AppSettings exactlyOnce() {
        return new AppSettings(ProcessingGuarantee.EXACTLY_ONCE_V2, 0, false, GroupProtocol.CLASSIC, null, Map.of());
    }

    /**
     * What every recovery scenario runs with: the guarantee; the session timeout, with heartbeats at a
     * third of it as Kafka recommends; a store retention of a day, so that every window of the workload
     * stays in the store and the state grows with the workload; and under at-least-once a 1 s commit
     * interval (its default is 30 s, and catching up means a commit).
     */
    public static AppSettings forScenario(ProcessingGuarantee guarantee, long sessionTimeoutMs) {
        AppSettings settings = exactlyOnce().withProcessingGuarantee(guarantee)
                .withEnv(AppVariable.KAFKA_STREAMS_SESSION_TIMEOUT_MS, Long.toString(sessionTimeoutMs))
                .withEnv(AppVariable.KAFKA_STREAMS_HEARTBEAT_INTERVAL_MS, Long.toString(sessionTimeoutMs / 3))
                .withEnv(AppVariable.STORE_RETENTION_MS, "86400000");
        return guarantee.exactlyOnce() ? settings : settings.withEnv(AppVariable.KAFKA_STREAMS_COMMIT_INTERVAL_MS, "1000");
    }

    public AppSettings withProcessingGuarantee(ProcessingGuarantee guarantee) {
        return new AppSettings(guarantee, standbyReplicas, transactionalStateStores, groupProtocol, staticMembership,
                extraEnv);
    }

    public AppSettings withEnv(AppVariable variable, String value) {
        return withEnv(variable.name(), value);
    }

    /** A further variable; a later value of the same variable wins. */
    public AppSettings withEnv(String variable, String value) {
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        env.put(variable, value);
        return new AppSettings(processingGuarantee, standbyReplicas, transactionalStateStores, groupProtocol,
                staticMembership, env);
    }

    public boolean staticMembershipFor(Variant variant) {
        return staticMembership == null ? variant.staticMembershipByDefault() : staticMembership;
    }

    /** The environment of one pod, without the platform's own variables (bootstrap, pod name, state dir). */
    public Map<String, String> env(Variant variant) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(AppVariable.PROCESSING_GUARANTEE.name(), processingGuarantee.setting());
        env.put(AppVariable.NUM_STANDBY_REPLICAS.name(), Integer.toString(standbyReplicas));
        env.put(AppVariable.TRANSACTIONAL_STATE_STORES.name(), Boolean.toString(transactionalStateStores));
        env.put(AppVariable.GROUP_PROTOCOL.name(), groupProtocol.setting());
        env.put(AppVariable.STATIC_MEMBERSHIP.name(), Boolean.toString(staticMembershipFor(variant)));
        env.putAll(extraEnv);
        return env;
    }

    /**
     * The protocol the pods actually use: {@code --app-env GROUP_PROTOCOL=streams} lands in the extra
     * variables, which win over the field.
     */
    public GroupProtocol effectiveGroupProtocol() {
        String extra = extraEnv.get(AppVariable.GROUP_PROTOCOL.name());
        return extra == null ? groupProtocol : GroupProtocol.of(extra);
    }

    /** Kafka's default {@code session.timeout.ms}. */
    static final long KAFKA_SESSION_TIMEOUT_MS = 45_000;

    /** The session timeout the pods actually use: the extra variable when set, Kafka's default otherwise. */
    public long effectiveSessionTimeoutMs() {
        String extra = extraEnv.get(AppVariable.KAFKA_STREAMS_SESSION_TIMEOUT_MS.name());
        return extra == null ? KAFKA_SESSION_TIMEOUT_MS : Long.parseLong(extra.strip());
    }

    /** The standby replicas the pods ask for: {@code NUM_STANDBY_REPLICAS} among the extra variables when set. */
    public int effectiveStandbyReplicas() {
        String extra = extraEnv.get(AppVariable.NUM_STANDBY_REPLICAS.name());
        return extra == null ? standbyReplicas : Integer.parseInt(extra.strip());
    }

    /** Kafka's default {@code heartbeat.interval.ms}. */
    public static final long KAFKA_HEARTBEAT_INTERVAL_MS = 3_000;

    /** The heartbeat interval the pods use: the extra variable when set, Kafka's default otherwise. */
    public long effectiveHeartbeatIntervalMs() {
        String extra = extraEnv.get(AppVariable.KAFKA_STREAMS_HEARTBEAT_INTERVAL_MS.name());
        return extra == null ? KAFKA_HEARTBEAT_INTERVAL_MS : Long.parseLong(extra.strip());
    }

    /** The grace period the pods actually use: {@code WINDOW_GRACE_MS} when set, the app's default otherwise. */
    public long effectiveGraceMs() {
        String extra = extraEnv.get(AppVariable.WINDOW_GRACE_MS.name());
        return extra == null ? DEFAULT_GRACE_MS : Long.parseLong(extra.strip());
    }

    /** The guarantee the pods actually use, extra variables included (they win, as in {@link #env}). */
    public ProcessingGuarantee effectiveProcessingGuarantee() {
        String extra = extraEnv.get(AppVariable.PROCESSING_GUARANTEE.name());
        return extra == null ? processingGuarantee : ProcessingGuarantee.of(extra);
    }
}
