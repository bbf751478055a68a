package dev.streamsmustflow.recovery.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.streamsmustflow.recovery.checker.Verdict;
import dev.streamsmustflow.recovery.deployment.AppVariable;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.Backlog;
import dev.streamsmustflow.recovery.history.OutputGap;
import dev.streamsmustflow.recovery.history.Phase;
import dev.streamsmustflow.recovery.history.RecoveryTimeline;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.platform.MachineUse;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable outcome of one scenario, written as JSON with the schema {@value #SCHEMA}: what
 * ran where, what the recovery measured, the oracle's verdict, and where the evidence is. The parts
 * are fields of one flat JSON object.
 *
 * @param crossCheck trade-stats' output judged the other way, by the differential check against the topology its
 *     descriptor names, where the scenario asked for it; absent otherwise. The verdict is the built-in oracle's.
 */
public record RecoveryResult(
        String schema,
        @JsonUnwrapped Setup setup,
        @JsonUnwrapped Measurements measurements,
        Verdict verdict,
        @JsonUnwrapped Evidence evidence,
        @JsonInclude(JsonInclude.Include.NON_NULL) Verdict crossCheck) {

    public static final String SCHEMA = "streams-must-flow/recovery-result/v1";

    /**
     * What ran where.
     *
     * @param appSettings the pods' environment, as the platform gave it to them
     * @param pauseMs how long a {@link Fault#PAUSE} froze its pod; null for every other fault
     * @param sessionTimeoutMs the pods' {@code session.timeout.ms} (the platform's unless the run set another);
     *     null in results written before it was recorded
     * @param earlierFaultsOnState how many faults of earlier results hit this result's state before its own (the
     *     scenario built the state once for several, {@link ScenarioSpec#faultsOnState()}): 0 for a state built for
     *     this result alone; null in results written before it was recorded
     * @param app the described app that ran, by its descriptor's name; null for trade-stats
     * @param appGuarantee the guarantee a described app was run and judged with (its environment's names are its
     *     own); null for trade-stats, whose {@code PROCESSING_GUARANTEE} says it
     * @param appDescriptorDigest the SHA-256 of the described app's descriptor file; null for trade-stats
     */
    public record Setup(String scenario, PlatformKind platform, String platformDescription, Variant variant, Fault fault,
            int replicas, int partitions, Map<String, String> appSettings, WorkloadSpec workload, Long pauseMs,
            Long sessionTimeoutMs, Integer earlierFaultsOnState, String app, ProcessingGuarantee appGuarantee,
            String appDescriptorDigest) {

        /** trade-stats. */
        public Setup(String scenario, PlatformKind platform, String platformDescription, Variant variant, Fault fault,
                int replicas, int partitions, Map<String, String> appSettings, WorkloadSpec workload, Long pauseMs,
                Long sessionTimeoutMs, Integer earlierFaultsOnState) {
            this(scenario, platform, platformDescription, variant, fault, replicas, partitions, appSettings, workload,
                    pauseMs, sessionTimeoutMs, earlierFaultsOnState, null, null, null);
        }

        /** The guarantee the pods ran with; the app's default where the result does not say. */
        public ProcessingGuarantee guarantee() {
            if (appGuarantee != null) {
                return appGuarantee;
            }
            String setting = appSettings == null ? null : appSettings.get(AppVariable.PROCESSING_GUARANTEE.name());
            return setting == null ? ProcessingGuarantee.EXACTLY_ONCE_V2 : ProcessingGuarantee.of(setting);
        }
    }

    /**
     * What the recovery measured.
     *
     * @param phasesMs the timeline's phases; a phase that could not be measured is null, never 0
     * @param unmeasuredPhases for every phase that could not be measured, why
     * @param negativeSpans phases whose end came before their start (overlapping phases, or clocks that disagree):
     *     flagged, not clamped
     * @param backlog what the fault cost in lag while the input flowed through it: peak lag, drain time, catch-up
     *     rate; null in results from before the input flowed through the recovery
     * @param recordsRestored changelog records loaded for the recovery (active restores and warm-ups)
     * @param recordsThrownAway changelog records loaded and then thrown away (restores suspended, warm-ups
     *     moved away)
     * @param stateBeforeFault the changelogs as read by a plain consumer once the app caught up before the fault:
     *     the measured state size, and the read rate a restore can approach; null in results from before it was
     *     measured
     * @param memory the peak resident memory of the pods and the broker; null in results from before it was
     *     measured
     * @param restoredReadAfter what the recovery restored (the same changelog partitions and offsets), read again by a
     *     plain consumer once the app had caught up after the fault: the physical limit of that restore; null when
     *     nothing was restored, and in results from before it was measured
     * @param machine how busy the machine was while the scenario ran, and with whose work: whether anything else ran
     *     beside it; null in results from before it was measured
     */
    public record Measurements(int tradesSent, RecoveryTimeline timeline, Backlog backlog, Map<Phase, Long> phasesMs,
            Map<Phase, String> unmeasuredPhases, List<Phase> negativeSpans, OutputGap outputGap, long recordsRestored,
            long recordsThrownAway, ChangelogState stateBeforeFault, PeakMemory memory, ChangelogState restoredReadAfter,
            MachineUse machine) {

        public Measurements {
            // results written before these were recorded have none
            unmeasuredPhases = unmeasuredPhases == null ? Map.of() : unmeasuredPhases;
            negativeSpans = negativeSpans == null ? List.of() : negativeSpans;
        }

        /** What a timeline and the output gap measured. */
        public static Measurements of(int tradesSent, RecoveryTimeline timeline, Backlog backlog, OutputGap outputGap,
                ChangelogState stateBeforeFault, PeakMemory memory, ChangelogState restoredReadAfter, MachineUse machine) {
            Map<Phase, Long> phases = timeline.phases();
            List<Phase> negative = phases.entrySet().stream().filter(phase -> phase.getValue() != null && phase.getValue() < 0)
                    .map(Map.Entry::getKey).toList();
            return new Measurements(tradesSent, timeline, backlog, phases, timeline.unmeasured(), negative, outputGap,
                    timeline.recordsRestored(), timeline.recordsThrownAway(), stateBeforeFault, memory,
                    restoredReadAfter, machine);
        }
    }

    /**
     * Where to look.
     *
     * @param appVersion the version the app's pods reported, or null where none started
     * @param sourceCommit the commit of the project's source tree the harness ran from ({@link SourceCommit}), with
     *     {@code +changes} where files differed from it; null where it could not be told, and in results from before
     *     it was recorded
     */
    public record Evidence(String podLogs, String history, String appVersion, String sourceCommit) {
    }

    public RecoveryResult(Setup setup, Measurements measurements, Verdict verdict, Evidence evidence) {
        this(SCHEMA, setup, measurements, verdict, evidence, null);
    }

    /** The same, with trade-stats' output judged the other way too: the differential check's verdict. */
    public RecoveryResult withCrossCheck(Verdict differential) {
        return new RecoveryResult(schema, setup, measurements, verdict, evidence, differential);
    }

    public String scenario() {
        return setup.scenario();
    }

    public ProcessingGuarantee guarantee() {
        return setup.guarantee();
    }

    /** A phase's span in ms, the output gap included; null where it was not measured. */
    public Long phase(Phase phase) {
        if (phase == Phase.OUTPUT_GAP) {
            return measurements.outputGap() == null ? null : measurements.outputGap().millis();
        }
        return measurements.phasesMs() == null ? null : measurements.phasesMs().get(phase);
    }
}
