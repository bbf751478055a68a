package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.checker.Validity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The report's conclusion: plain sentences computed from the groups, never written in advance, so
 * that they stay true whatever a run measured. Each sentence says how much it rests on (a single run,
 * overlapping ranges) where that limits what it can claim.
 */
final class ReportConclusion {

    private ReportConclusion() {
    }

    static List<String> of(List<ReportGroup> groups, RestoreScaling scaling, Environment environment) {
        List<String> sentences = new ArrayList<>();
        sentences.add(scope(groups));
        if (environment != null) {
            environment.platforms().forEach(platform -> sentences.add(measuredOn(platform)));
        }
        sentences.addAll(VariantComparison.sentences(groups, environment));
        sentences.addAll(verdicts(groups));
        sentences.addAll(MeasurementGaps.sentences(groups));
        sentences.addAll(SettingEffects.sentences(groups));
        sentences.addAll(RestoreCost.sentences(scaling));
        sentences.addAll(RestoreAgainstPlainRead.sentences(groups));
        sessionWaits(groups).forEach(sentences::add);
        sentences.addAll(localStateLost(groups));
        sentences.addAll(instanceIdHeld(groups));
        sentences.addAll(PeakMemorySentence.of(groups));
        return List.copyOf(sentences);
    }

    private static String scope(List<ReportGroup> groups) {
        int runs = groups.stream().mapToInt(ReportGroup::repetitions).sum();
        int fewest = groups.stream().mapToInt(ReportGroup::repetitions).min().orElse(0);
        int most = groups.stream().mapToInt(ReportGroup::repetitions).max().orElse(0);
        String what = plural(runs, "run") + " in " + plural(groups.size(), "group") + ": "
                + ReportFormat.and(distinct(groups, group -> group.variant().name())) + " under "
                + ReportFormat.and(distinct(groups, group -> group.fault().name())) + ", with "
                + ReportFormat.and(distinct(groups, group -> group.guarantee().setting())) + ".";
        if (most == 1) {
            return what + " Each group ran once: every figure is a single measurement, so small differences may be noise.";
        }
        String times = fewest == most ? " Each group ran " + most + " times" : " Groups ran " + fewest + " to " + most + " times";
        return what + times + "; figures are medians over the runs." + reusedStates(groups);
    }

    private static String reusedStates(List<ReportGroup> groups) {
        int onHitState = groups.stream().mapToInt(ReportGroup::runsOnHitState).sum();
        if (onHitState == 0) {
            return "";
        }
        return " " + plural(onHitState, "run") + " hit a state that an earlier run of its group had hit: the group's "
                + "state was built once, each fault hit a pod not hit before, once every pod held an active task and no "
                + "warm-up again; the verdict of such a group is one check of the output after its last fault.";
    }

    private static String measuredOn(Environment.PlatformInfo platform) {
        String description = platform.description() == null ? "platform " + platform.name() : platform.description();
        return "Measured on " + description + (description.endsWith(".") ? "" : ".");
    }

    private static List<String> verdicts(List<ReportGroup> groups) {
        Set<String> varying = ReportFormat.varying(groups);
        List<ReportGroup> notValid = groups.stream().filter(group -> group.verdict().validity() != Validity.VALID).toList();
        List<String> sentences = new ArrayList<>();
        if (notValid.isEmpty() && groups.stream().noneMatch(group -> group.verdict().hasDiscrepancies())) {
            int runs = groups.stream().mapToInt(ReportGroup::repetitions).sum();
            long malformed = groups.stream().mapToLong(group -> group.verdict().deadLetters().expected()).sum();
            sentences.add("Every verdict is VALID: the oracle found no lost, unexpected, over-counted, wrong or regressed "
                    + "window in " + (runs == 1 ? "the run" : "any of the " + runs + " runs")
                    + (malformed > 0 ? ", and each of the " + ReportFormat.count(malformed) + " malformed records sent had "
                    + "its dead letter." : "."));
            inputWrittenTwice(groups).ifPresent(sentences::add);
            return sentences;
        }
        if (!notValid.isEmpty()) {
            sentences.add(notValid.size() + " of " + groups.size() + " groups are not VALID.");
        }
        for (ReportGroup group : groups) {
            GroupVerdict verdict = group.verdict();
            String label = ReportFormat.label(group, varying);
            if (verdict.validity() != Validity.VALID) {
                String inRuns = group.repetitions() == 1 ? ""
                        : " in " + verdict.notValid() + " of " + group.repetitions() + " runs";
                String why = verdict.hasDiscrepancies() ? ": " + ReportFormat.discrepancies(verdict)
                        : verdict.notes().isEmpty() ? "" : " (" + verdict.notes().get(0) + ")";
                sentences.add(label + ": " + verdict.validity() + inRuns + why + ".");
            } else if (verdict.hasDiscrepancies()) {
                sentences.add(label + ": VALID under " + group.guarantee() + " with "
                        + ReportFormat.discrepancies(verdict) + ".");
            }
        }
        inputWrittenTwice(groups).ifPresent(sentences::add);
        return sentences;
    }

    /** Why a Deployment's graceful delete spends seconds rebalancing, where its runs show it. */
    private static List<String> localStateLost(List<ReportGroup> groups) {
        Set<String> varying = ReportFormat.varying(groups);
        return groups.stream().filter(group -> group.restoredFromScratch() != null)
                .map(group -> ReportFormat.label(group, varying) + ": in " + group.restoredFromScratch().count() + " of "
                        + plural(group.repetitions(), "run") + " the replacement, on the volume of the pod it replaced, "
                        + "restored every changelog it loaded from offset 0 (" + ReportFormat.count(
                                group.restoredFromScratch().roundedMedian()) + " records, median): it found nothing on "
                        + "its volume to resume from.")
                .toList();
    }

    /** Why a static member's replacement can spend seconds before it gets its tasks, where its runs show it. */
    private static List<String> instanceIdHeld(List<ReportGroup> groups) {
        Set<String> varying = ReportFormat.varying(groups);
        List<String> sentences = new ArrayList<>();
        for (ReportGroup group : groups) {
            Spread refusals = group.instanceIdRefusals();
            if (refusals == null) {
                continue;
            }
            Spread held = group.instanceIdHeldMs();
            sentences.add(ReportFormat.label(group, varying) + ": in " + refusals.count() + " of "
                    + plural(group.repetitions(), "run") + " the replacement was refused the static member's instance id "
                    + plural((int) refusals.roundedMedian(), "time") + " (median; " + InstanceIdHeld.REFUSAL
                    + " stops the app, and its container was restarted each time)"
                    + (held == null ? "" : " and got its tasks " + ReportFormat.ms(held.roundedMedian())
                            + " after the old pod's process ended (median)")
                    + ": the group held the instance id for the member that did not leave until its session expired.");
        }
        return sentences;
    }

    private static List<String> sessionWaits(List<ReportGroup> groups) {
        Set<String> varying = ReportFormat.varying(groups);
        List<String> sentences = new ArrayList<>();
        for (ReportGroup group : groups) {
            Spread waited = group.waitedForSession();
            if (waited != null) {
                sentences.add(ReportFormat.label(group, varying) + ": in " + waited.count() + " of " + group.repetitions()
                        + " run" + (group.repetitions() == 1 ? "" : "s") + " the replacement got its tasks "
                        + ReportFormat.ms(waited.roundedMedian()) + " after the deleted pod's process ended (median),"
                        + " when that pod's session expired: under the classic protocol Kafka Streams closes without"
                        + " leaving the group, and the coordinator waits for the closed member until its session times"
                        + " out (LEAVE_GROUP_ON_CLOSE=true leaves instead).");
            }
        }
        return sentences;
    }

    /** Records the broker wrote twice into an input topic are input the app had to count twice, not its own over-count. */
    private static Optional<String> inputWrittenTwice(List<ReportGroup> groups) {
        Set<String> varying = ReportFormat.varying(groups);
        List<String> where = groups.stream().filter(group -> group.verdict().input().duplicates() > 0)
                .map(group -> ReportFormat.label(group, varying) + " (" + ReportFormat.count(
                        group.verdict().input().duplicates()) + ")")
                .toList();
        if (where.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The broker wrote input records twice, which the oracle counted as input the app had to "
                + "process twice: " + String.join(", ", where) + ".");
    }

    private static List<String> distinct(List<ReportGroup> groups, Function<ReportGroup, String> field) {
        return groups.stream().map(field).distinct().toList();
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
