package dev.streamsmustflow.recovery.deployment;

import java.util.Arrays;

/**
 * A StatefulSet's {@code podManagementPolicy}: {@code OrderedReady} (Kubernetes' default) creates pod
 * N only once pods 0..N-1 run and are ready, {@code Parallel} (the shipped manifests') creates them all
 * at once. A scenario chooses it with the setting {@value #SETTING}, which the platforms turn into the
 * StatefulSet's field (k3s, cluster) or the controller's behaviour (local, docker); the pods never see it.
 */
public enum PodManagementPolicy {
    ORDERED_READY("OrderedReady"),
    PARALLEL("Parallel");

    /** The setting that chooses it, next to the app's variables in a scenario's settings. */
    public static final String SETTING = "POD_MANAGEMENT_POLICY";

    private final String field;

    PodManagementPolicy(String field) {
        this.field = field;
    }

    /** The value of the StatefulSet's field. */
    public String field() {
        return field;
    }

    /** The policy of a field value, e.g. {@code OrderedReady}. */
    public static PodManagementPolicy of(String field) {
        return Arrays.stream(values()).filter(policy -> policy.field.equals(field.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(SETTING + " must be OrderedReady or Parallel, was '"
                        + field + "'"));
    }
}
