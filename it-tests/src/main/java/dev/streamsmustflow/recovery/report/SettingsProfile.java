package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.deployment.AppVariable;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Sorts the settings of a run's results by what they depend on. A setting with one value in every
 * result describes the whole run. A setting that varies only with the variant (a StatefulSet's static
 * membership), only with the processing guarantee (a shorter commit interval under at-least-once) or
 * only with the fault (a {@code fault.} setting such as the pause length of PAUSE) belongs to that dimension: splitting groups by it would separate nothing. Every other varying
 * setting is an independent factor and becomes part of a group's key, so that results with different
 * configurations are never mistaken for repetitions. A setting a result does not have is null.
 */
final class SettingsProfile {

    /** Unique per scenario by construction: they name the scenario, they configure nothing. */
    private static final Set<String> IDENTITY = Set.of(AppVariable.APPLICATION_ID.name(), AppVariable.INPUT_TOPIC.name(),
            AppVariable.OUTPUT_TOPIC.name(), AppVariable.DEAD_LETTER_TOPIC.name());

    /** The input's rate as a share of the app's capacity, where it was one. */
    static final String PERCENT_OF_CAPACITY = "workload.percentOfCapacity";

    /** The prefix of settings that belong to a fault rather than to the app or the workload. */
    static final String FAULT_SETTING = "fault.";

    private final SortedMap<String, String> common = new TreeMap<>();
    private final SortedMap<String, SortedMap<String, String>> byVariant = new TreeMap<>();
    private final SortedMap<String, SortedMap<String, String>> byGuarantee = new TreeMap<>();
    private final SortedMap<String, SortedMap<String, String>> byFault = new TreeMap<>();
    private final SortedSet<String> independent = new TreeSet<>();

    static SettingsProfile of(List<RecoveryResult> results) {
        SettingsProfile profile = new SettingsProfile();
        Set<String> names = new TreeSet<>();
        results.forEach(result -> names.addAll(configuration(result).keySet()));
        for (String name : names) {
            Set<String> values = new HashSet<>();
            results.forEach(result -> values.add(configuration(result).get(name)));
            boolean ofTheFault = name.startsWith(FAULT_SETTING);
            if (values.size() == 1) {
                profile.common.put(name, values.iterator().next());
            } else if (!(ofTheFault && profile.attach(name, results, result -> result.setup().fault().name(), profile.byFault))
                    && !profile.attach(name, results, result -> result.setup().variant().name(), profile.byVariant)
                    && !profile.attach(name, results, result -> result.guarantee().setting(), profile.byGuarantee)) {
                profile.independent.add(name);
            }
        }
        return profile;
    }

    /** What a result ran with, apart from variant, fault, guarantee and state size. */
    static Map<String, String> configuration(RecoveryResult result) {
        Map<String, String> settings = new TreeMap<>();
        if (result.setup().appSettings() != null) {
            settings.putAll(result.setup().appSettings());
        }
        settings.keySet().removeAll(IDENTITY);
        settings.remove(AppVariable.PROCESSING_GUARANTEE.name());
        settings.put("replicas", Integer.toString(result.setup().replicas()));
        settings.put("partitions", Integer.toString(result.setup().partitions()));
        WorkloadSpec workload = result.setup().workload();
        if (workload != null) {
            settings.put("workload.symbols", Integer.toString(workload.symbols()));
            settings.put("workload.eventTimeStepMs", Long.toString(workload.eventTimeStepMs()));
            settings.put("workload.input", workload.underLoad() ? "steady" : "stopped 2 s into the fault");
            if (workload.underLoad() && workload.load().percentOfCapacity() != null) {
                // the rate follows from the capacity measured for the settings: a measurement, not a setting (the
                // report's backlog figures give it); runs at one share of their capacity are repetitions
                settings.put(PERCENT_OF_CAPACITY, Integer.toString(workload.load().percentOfCapacity()));
            } else {
                settings.put("workload.ratePerSecond", Integer.toString(workload.ratePerSecond()));
            }
            if (workload.underLoad() && workload.load().lagBudgetMs() != null) {
                settings.put("workload.lagBudgetMs", Long.toString(workload.load().lagBudgetMs()));
            }
            settings.put("workload.malformedEvery", Integer.toString(workload.malformedEvery()));
            settings.put("workload.lateFraction", Double.toString(workload.lateFraction()));
        }
        if (result.setup().pauseMs() != null) {
            settings.put(FAULT_SETTING + "pauseMs", Long.toString(result.setup().pauseMs()));
        }
        return settings;
    }

    /** The independent settings of one result: the part of its group key beyond the named dimensions. */
    SortedMap<String, String> independentSettings(RecoveryResult result) {
        Map<String, String> configuration = configuration(result);
        SortedMap<String, String> settings = new TreeMap<>();
        independent.forEach(name -> settings.put(name, configuration.get(name)));
        return settings;
    }

    SortedMap<String, String> common() {
        return common;
    }

    SortedMap<String, SortedMap<String, String>> byVariant() {
        return byVariant;
    }

    SortedMap<String, SortedMap<String, String>> byGuarantee() {
        return byGuarantee;
    }

    SortedMap<String, SortedMap<String, String>> byFault() {
        return byFault;
    }

    SortedSet<String> independent() {
        return independent;
    }

    /** Attaches the setting to a dimension when every value of the dimension has one value of it. */
    private boolean attach(String name, List<RecoveryResult> results, Function<RecoveryResult, String> dimension,
            SortedMap<String, SortedMap<String, String>> into) {
        Map<String, Set<String>> valuesPerDimension = new HashMap<>();
        for (RecoveryResult result : results) {
            valuesPerDimension.computeIfAbsent(Objects.toString(dimension.apply(result)), key -> new HashSet<>())
                    .add(configuration(result).get(name));
        }
        if (valuesPerDimension.values().stream().anyMatch(values -> values.size() > 1)) {
            return false;
        }
        valuesPerDimension.forEach((key, values) -> into.computeIfAbsent(key, k -> new TreeMap<>())
                .put(name, values.iterator().next()));
        return true;
    }
}
