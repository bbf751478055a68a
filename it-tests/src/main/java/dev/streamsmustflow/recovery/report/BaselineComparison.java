package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.Phase;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares a report with an earlier one (a baseline): for every group present in both, whether the
 * median time to caught-up or to ready grew beyond the threshold, and whether the verdict got worse.
 * Groups match on everything they ran with — platform, variant, fault, guarantee, state size and the
 * full settings — so a changed configuration is reported as a new group, never as a regression.
 */
public final class BaselineComparison {

    /**
     * A time regresses when it grows by more than {@code relative} of the baseline AND by more than
     * {@code absoluteFloorMs}: the floor keeps noise on short phases from tripping the gate.
     */
    public record Threshold(double relative, long absoluteFloorMs) {

        public static final Threshold DEFAULT = new Threshold(0.20, 1_000);

        public Threshold {
            if (!(relative >= 0) || absoluteFloorMs < 0) {
                throw new IllegalArgumentException("threshold must not be negative, was relative " + relative
                        + " and absolute floor " + absoluteFloorMs + " ms");
            }
        }

        String describe() {
            return "+" + ReportFormat.percent(relative) + " and +" + ReportFormat.ms(absoluteFloorMs);
        }
    }

    public enum Outcome { REGRESSED, WITHIN_THRESHOLD, IMPROVED, ONLY_IN_BASELINE, ONLY_IN_CURRENT }

    /** @param measure {@code timeToCaughtUp}, {@code timeToReady}, {@code verdict} or {@code group} */
    public record Change(Outcome outcome, String group, String measure, String message) {

        public boolean regression() {
            return outcome == Outcome.REGRESSED;
        }
    }

    private final List<Change> changes;

    private BaselineComparison(List<Change> changes) {
        this.changes = List.copyOf(changes);
    }

    /** Compares {@code current} with the {@code report.json} of an earlier run. */
    public static BaselineComparison compare(Path baselineReport, RecoveryReport current, Threshold threshold) {
        return compare(RecoveryReport.readFrom(baselineReport), current, threshold);
    }

    public static BaselineComparison compare(RecoveryReport baseline, RecoveryReport current, Threshold threshold) {
        Map<Configuration, ReportGroup> before = byConfiguration(baseline);
        Map<Configuration, ReportGroup> now = byConfiguration(current);
        List<Change> changes = new ArrayList<>();
        now.forEach((key, group) -> {
            ReportGroup earlier = before.get(key);
            if (earlier == null) {
                changes.add(new Change(Outcome.ONLY_IN_CURRENT, name(group), "group", name(group)
                        + ": not in the baseline, nothing to compare with"));
                return;
            }
            GroupDelta delta = new GroupDelta(name(group), earlier, group, threshold);
            changes.add(delta.time(Phase.TIME_TO_CAUGHT_UP, "time to caught-up"));
            changes.add(delta.time(Phase.TIME_TO_READY, "time to ready"));
            delta.verdict().ifPresent(changes::add);
        });
        before.forEach((key, group) -> {
            if (!now.containsKey(key)) {
                changes.add(new Change(Outcome.ONLY_IN_BASELINE, name(group), "group", name(group)
                        + ": in the baseline but not in this run"));
            }
        });
        return new BaselineComparison(changes);
    }

    public List<Change> changes() {
        return changes;
    }

    public boolean regressed() {
        return changes.stream().anyMatch(Change::regression);
    }

    public List<Change> regressions() {
        return changes.stream().filter(Change::regression).toList();
    }

    /** One line for a log or a job summary. */
    public String summary() {
        long compared = changes.stream().filter(change -> !change.measure().equals("group")).count();
        return regressed()
                ? regressions().size() + " regression(s) in " + compared + " comparisons with the baseline"
                : "no regression in " + compared + " comparisons with the baseline";
    }

    /**
     * What a group is matched on: its dimensions, and every setting it ran with (those of the whole run, of its variant,
     * guarantee and fault, and its own), set ones only.
     */
    private record Configuration(PlatformKind platform, Variant variant, Fault fault, ProcessingGuarantee guarantee,
            long stateRecords, Map<String, String> settings) {

        static Configuration of(ReportGroup group, Environment environment) {
            Map<String, String> settings = new TreeMap<>();
            putSet(settings, environment.settings());
            putSet(settings, environment.settingsByVariant().getOrDefault(group.variant().name(), Map.of()));
            putSet(settings, environment.settingsByGuarantee().getOrDefault(group.guarantee().setting(), Map.of()));
            putSet(settings, environment.settingsByFault().getOrDefault(group.fault().name(), Map.of()));
            putSet(settings, group.settings());
            return new Configuration(group.platform(), group.variant(), group.fault(), group.guarantee(),
                    group.stateRecords(), settings);
        }
    }

    private static Map<Configuration, ReportGroup> byConfiguration(RecoveryReport report) {
        Map<Configuration, ReportGroup> groups = new LinkedHashMap<>();
        report.groups().forEach(group -> groups.put(Configuration.of(group, report.environment()), group));
        return groups;
    }

    private static void putSet(Map<String, String> key, Map<String, String> settings) {
        settings.forEach((name, value) -> {
            if (value != null) {
                key.put(name, value);
            }
        });
    }

    private static String name(ReportGroup group) {
        String settings = group.settings().isEmpty() ? "" : " " + ReportFormat.settings(group.settings());
        return group.platform() + " " + group.variant() + " " + group.fault() + " " + group.guarantee() + settings
                + " (state of " + ReportFormat.count(group.stateRecords()) + " records)";
    }
}
