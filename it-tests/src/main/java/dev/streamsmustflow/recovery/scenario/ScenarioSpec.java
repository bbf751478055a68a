package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One recovery scenario: what to deploy, which fault to inject, and what to send.
 *
 * @param id unique within a run; names the topics, the application id and the result file
 * @param pauseLength how long a {@link Fault#PAUSE} freezes its pod; null for the session timeout + 10 s
 * @param faultsOnState how many times the fault hits the one state the scenario builds, a pod not hit before each
 *     time once the assignment is balanced again; each time gives a result. More than one only for the faults
 *     that replace one pod ({@link #REPEATABLE_FAULTS})
 * @param described the app from its descriptor, whose topics its code names and whose partitions are its
 *     descriptor's; null for the shipped trade-stats
 * @param crossCheck trade-stats' own descriptor, to check its output a second way ({@link #withCrossCheck}); null
 */
public record ScenarioSpec(
        String id,
        Variant variant,
        Fault fault,
        int replicas,
        int partitions,
        AppSettings settings,
        WorkloadSpec workload,
        Duration pauseLength,
        int faultsOnState,
        AppDescriptor described,
        AppDescriptor crossCheck) {

    public static final int DEFAULT_REPLICAS = 3;
    public static final int DEFAULT_PARTITIONS = 6;
    /** The faults that can hit one built state again: each replaces one pod, which a later one passes over. */
    public static final Set<Fault> REPEATABLE_FAULTS = Collections.unmodifiableSet(EnumSet.of(Fault.POD_KILL,
            Fault.POD_DELETE));

    public ScenarioSpec {
        if (!id.matches("[a-z0-9][a-z0-9.-]*")) {
            throw new IllegalArgumentException("scenario id must be lower-case letters, digits, '.' and '-', was '" + id + "'");
        }
        if (partitions < replicas) {
            throw new IllegalArgumentException("a scenario needs at least as many partitions as replicas (an idle "
                    + "replica is never ready), was " + partitions + " for " + replicas);
        }
        if (faultsOnState < 1 || faultsOnState > 1 && !REPEATABLE_FAULTS.contains(fault)) {
            throw new IllegalArgumentException("a scenario injects its fault at least once, and more than once only "
                    + REPEATABLE_FAULTS + ", was " + faultsOnState + " × " + fault);
        }
        if (described != null && partitions != described.inputs().get(0).partitions()) {
            throw new IllegalArgumentException(described.name() + "'s input has " + described.inputs().get(0).partitions()
                    + " partitions, its scenario " + partitions);
        }
    }

    /** The shipped trade-stats. */
    public ScenarioSpec(String id, Variant variant, Fault fault, int replicas, int partitions, AppSettings settings,
            WorkloadSpec workload, Duration pauseLength, int faultsOnState) {
        this(id, variant, fault, replicas, partitions, settings, workload, pauseLength, faultsOnState, null, null);
    }

    /**
     * trade-stats checked twice: by the built-in oracle, which decides the verdict, and by the differential check
     * against the topology its descriptor names (app/recovery-app.yaml), whose verdict the result keeps beside it.
     */
    public ScenarioSpec withCrossCheck(AppDescriptor tradeStats) {
        if (described != null) {
            throw new IllegalArgumentException("the cross-check is trade-stats': " + described.name()
                    + " has the differential check alone");
        }
        return new ScenarioSpec(id, variant, fault, replicas, partitions, settings, workload, pauseLength,
                faultsOnState, described, tradeStats);
    }

    /**
     * The suite's scenario of a variant, fault and guarantee: 3 replicas, 6 partitions, the scenario
     * settings with the local platform's session timeout (a run elsewhere sets its platform's with
     * {@link #withSettings}), the small workload of the default seed.
     */
    public static ScenarioSpec of(PlatformKind platform, Variant variant, Fault fault, ProcessingGuarantee guarantee,
            long eventTimeStart) {
        return new ScenarioSpec(id(platform, variant, fault, guarantee), variant, fault, DEFAULT_REPLICAS,
                DEFAULT_PARTITIONS, AppSettings.forScenario(guarantee, platform.sessionTimeout().toMillis()),
                WorkloadSpec.small(WorkloadSpec.DEFAULT_SEED, eventTimeStart), null, 1);
    }

    /** A scenario id from its parts, e.g. {@code local-stateful-set-pod-kill-eos}. */
    public static String id(PlatformKind platform, Variant variant, Fault fault, ProcessingGuarantee guarantee,
            String... more) {
        List<String> parts = new ArrayList<>(List.of(platform.toString(), variant.name(), fault.name(), guarantee.shortName()));
        parts.addAll(List.of(more));
        return String.join("-", parts).toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public ScenarioSpec withId(String newId) {
        return new ScenarioSpec(newId, variant, fault, replicas, partitions, settings, workload, pauseLength,
                faultsOnState, described, crossCheck);
    }

    public ScenarioSpec withTopology(int newReplicas, int newPartitions) {
        return new ScenarioSpec(id, variant, fault, newReplicas, newPartitions, settings, workload, pauseLength,
                faultsOnState, described, crossCheck);
    }

    public ScenarioSpec withSettings(AppSettings newSettings) {
        return new ScenarioSpec(id, variant, fault, replicas, partitions, newSettings, workload, pauseLength,
                faultsOnState, described, crossCheck);
    }

    public ScenarioSpec withWorkload(WorkloadSpec newWorkload) {
        return new ScenarioSpec(id, variant, fault, replicas, partitions, settings, newWorkload, pauseLength,
                faultsOnState, described, crossCheck);
    }

    public ScenarioSpec withPauseLength(Duration newPauseLength) {
        return new ScenarioSpec(id, variant, fault, replicas, partitions, settings, workload, newPauseLength,
                faultsOnState, described, crossCheck);
    }

    /** The same scenario with its fault hitting the one built state {@code times} times. */
    public ScenarioSpec withFaultsOnState(int times) {
        return new ScenarioSpec(id, variant, fault, replicas, partitions, settings, workload, pauseLength, times,
                described, crossCheck);
    }

    /** The id of the result of the {@code n}th fault (from 1): the scenario's, with {@code -rep<n>} when there are several. */
    public String resultId(int n) {
        return faultsOnState == 1 ? id : repetitionId(id, n);
    }

    /** The id of repetition {@code n} (from 1) of the scenario or cell {@code id}: {@code <id>-rep<n>}. */
    public static String repetitionId(String id, int n) {
        return id + "-rep" + n;
    }

    /** The pause a {@link Fault#PAUSE} makes: as given, or the pods' session timeout plus 10 s. */
    public Duration effectivePauseLength() {
        return pauseLength != null ? pauseLength : Duration.ofMillis(settings.effectiveSessionTimeoutMs() + 10_000);
    }

    /**
     * The scenario with a described app in place of trade-stats: its descriptor's input partitions. The app's
     * application id is the scenario's, where its environment takes {@code ${applicationId}}.
     */
    public ScenarioSpec withDescribed(AppDescriptor app) {
        return new ScenarioSpec(id, variant, fault, replicas, app.inputs().get(0).partitions(), settings, workload,
                pauseLength, faultsOnState, app, crossCheck);
    }

    /** The app's deployment: trade-stats' topics are named after the scenario, a described app's by its code. */
    public DeploymentSpec deployment() {
        if (described != null) {
            return new DeploymentSpec(described.name(), id, variant, replicas, new DeploymentSpec.Topics(
                    described.inputs().get(0).topic(), described.outputs().get(0).topic(), described.deadLetterTopic()),
                    settings, described);
        }
        return new DeploymentSpec(DeploymentSpec.APP_NAME, id, variant, replicas, DeploymentSpec.Topics.prefixedWith(id),
                settings);
    }
}
