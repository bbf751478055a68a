package dev.streamsmustflow.recovery;

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

    public DeploymentSpec deployment() {
        return new DeploymentSpec("trade-stats", id, variant, replicas, id + "-trades", id + "-trade-stats",
                id + "-dead-letter", settings);
    }
}
