package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One recovery scenario: what to deploy, which fault to inject, and what to send.
 *
 * @param id unique within a run; names the topics, the application id and the result file
 */
public record ScenarioSpec(
        String id,
        Variant variant,
        Fault fault,
        int replicas,
        int partitions,
        AppSettings settings,
        WorkloadSpec workload) {

    public ScenarioSpec {
        if (!id.matches("[a-z0-9][a-z0-9.-]*")) {
            throw new IllegalArgumentException("scenario id must be lower-case letters, digits, '.' and '-', was '" + id + "'");
        }
    }

    /** A scenario id from its parts, e.g. {@code local-stateful-set-pod-kill-eos}. */
    public static String id(String platform, Variant variant, Fault fault, String guarantee, String... more) {
        List<String> parts = new ArrayList<>(List.of(platform, variant.name(), fault.name(),
                guarantee.startsWith("exactly_once") ? "eos" : "alos"));
        parts.addAll(List.of(more));
        return String.join("-", parts).toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public DeploymentSpec deployment() {
        return new DeploymentSpec("trade-stats", id, variant, replicas, id + "-trades", id + "-trade-stats",
                id + "-dead-letter", settings);
    }
}
