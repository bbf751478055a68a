package dev.streamsmustflow.recovery.cli;

import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.nemesis.UnsupportedFaultException;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.scenario.ScenarioSpec;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scenarios of one comparison: every variant × fault × processing guarantee × state size,
 * repeated. Repetition r uses seed + r, so repetitions differ and each one can be reproduced.
 *
 * @param appEnv further app settings for every pod (the app's environment variables), applied last
 * @param malformedEvery one input record in this many is malformed; 0 for none
 * @param lateFraction the fraction of trades sent late
 * @param pauseLength how long {@link Fault#PAUSE} freezes its pod; null for the scenario's default
 */
record ComparisonPlan(
        PlatformKind platform,
        List<Variant> variants,
        List<Fault> faults,
        List<ProcessingGuarantee> guarantees,
        List<Long> stateRecords,
        int replicas,
        int partitions,
        int repetitions,
        long seed,
        long sessionTimeoutMs,
        Map<String, String> appEnv,
        int malformedEvery,
        double lateFraction,
        Duration pauseLength) {

    /** @throws IllegalArgumentException naming what is wrong, a fault the platform cannot do included */
    ComparisonPlan {
        appEnv = Map.copyOf(appEnv);
        require(!variants.isEmpty(), "at least one variant");
        require(!faults.isEmpty(), "at least one fault");
        require(!guarantees.isEmpty(), "at least one processing guarantee");
        require(!stateRecords.isEmpty() && stateRecords.stream().allMatch(size -> size > 0), "state sizes above zero");
        require(replicas >= 1, "at least one replica");
        require(partitions >= replicas, "at least as many partitions as replicas (an idle replica is never ready)");
        require(repetitions >= 1, "at least one repetition");
        require(sessionTimeoutMs >= 1_000, "a session timeout of at least 1000 ms");
        require(malformedEvery >= 0, "--malformed-every of 0 (none) or more");
        require(lateFraction >= 0 && lateFraction <= 1, "a --late-fraction between 0 and 1");
        require(pauseLength == null || pauseLength.toMillis() >= 1, "a --pause-ms of at least 1");
        faults.forEach(fault -> UnsupportedFaultException.refuseUnless(fault, platform.toString(), platform.capabilities()));
    }

    List<ScenarioSpec> scenarios(long eventTimeStart) {
        List<ScenarioSpec> scenarios = new ArrayList<>();
        for (int repetition = 0; repetition < repetitions; repetition++) {
            for (long size : stateRecords) {
                for (ProcessingGuarantee guarantee : guarantees) {
                    for (Fault fault : faults) {
                        for (Variant variant : variants) {
                            scenarios.add(scenario(variant, fault, guarantee, size, repetition, eventTimeStart));
                        }
                    }
                }
            }
        }
        return scenarios;
    }

    private ScenarioSpec scenario(Variant variant, Fault fault, ProcessingGuarantee guarantee, long size, int repetition,
            long eventTimeStart) {
        String id = ScenarioSpec.id(platform.toString(), variant, fault, guarantee, size + "r", "rep" + (repetition + 1));
        AppSettings settings = AppSettings.forScenario(guarantee, sessionTimeoutMs);
        for (Map.Entry<String, String> variable : new TreeMap<>(appEnv).entrySet()) {
            settings = settings.withEnv(variable.getKey(), variable.getValue());
        }
        return ScenarioSpec.of(platform.toString(), variant, fault, guarantee, eventTimeStart)
                .withId(id)
                .withTopology(replicas, partitions)
                .withSettings(settings)
                .withWorkload(WorkloadSpec.small(seed + repetition, eventTimeStart).withStateOf(size)
                        .withInput(malformedEvery, lateFraction))
                .withPauseLength(pauseLength);
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException("a comparison needs " + what);
        }
    }
}
