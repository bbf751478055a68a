package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.checker.Verdict;
import dev.streamsmustflow.recovery.history.Backlog;
import dev.streamsmustflow.recovery.history.OutputGap;
import dev.streamsmustflow.recovery.history.RecoveryTimeline;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.platform.MachineUse;
import dev.streamsmustflow.recovery.platform.Platform;
import java.util.List;

/**
 * What one fault of a scenario measured, up to the verdict, which checks the output once after the last fault.
 *
 * @param n which fault on the state it was, from 1
 * @param targets the names of the pods it hit
 * @param sentBefore records sent before it hit
 * @param sentAfter records sent up to the end of its input, which stopped once the app had caught up after it
 * @param backlog what it cost in lag while the input flowed; null where no lag was sampled after it
 * @param restoredReadAfter what it restored, read again by a plain consumer once the app had caught up after it
 */
record FaultRound(int n, List<String> targets, int sentBefore, int sentAfter, ChangelogState stateBeforeFault,
        RecoveryTimeline timeline, Backlog backlog, PeakMemory memory, ChangelogState restoredReadAfter) {

    FaultRound {
        targets = List.copyOf(targets);
    }

    long faultTime() {
        return timeline.faultInjected();
    }

    RecoveryResult result(ScenarioSpec spec, Platform platform, Verdict verdict, OutputGap gap, MachineUse machine,
            RecoveryResult.Evidence evidence) {
        return new RecoveryResult(
                new RecoveryResult.Setup(spec.resultId(n), platform.kind(), platform.description(), spec.variant(),
                        spec.fault(), spec.replicas(), spec.partitions(), spec.deployment().env(),
                        spec.workload().withTradesBefore(sentBefore),
                        spec.fault() == Fault.PAUSE ? spec.effectivePauseLength().toMillis() : null,
                        // a described app's session timeout is in its own settings, which the harness does not read
                        spec.described() == null ? spec.settings().effectiveSessionTimeoutMs() : null, n - 1,
                        spec.described() == null ? null : spec.described().name(),
                        spec.described() == null ? null : spec.settings().effectiveProcessingGuarantee(),
                        spec.described() == null ? null : spec.described().digest()),
                RecoveryResult.Measurements.of(sentAfter, timeline, backlog, gap, stateBeforeFault, memory,
                        restoredReadAfter, machine),
                verdict,
                evidence);
    }
}
