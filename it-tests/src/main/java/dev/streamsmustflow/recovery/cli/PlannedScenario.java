package dev.streamsmustflow.recovery.cli;

import dev.streamsmustflow.recovery.benchmark.CapacityProbe;
import dev.streamsmustflow.recovery.scenario.ScenarioSpec;
import dev.streamsmustflow.recovery.workload.InputRate;

/**
 * A scenario of a comparison before its input rate is known: where the rate is a share of the app's capacity, the
 * capacity is measured on the platform the comparison runs on, once it has started.
 */
record PlannedScenario(ScenarioSpec spec, InputRate rate) {

    String id() {
        return spec.id();
    }

    /** The scenario with its input rate, measuring the capacity with {@code capacity} where the rate needs it. */
    ScenarioSpec resolve(CapacityProbe capacity) {
        Double measured = rate.needsCapacity() ? capacity.capacityFor(spec.settings()) : null;
        return spec.withWorkload(rate.applyTo(spec.workload(), measured));
    }
}
