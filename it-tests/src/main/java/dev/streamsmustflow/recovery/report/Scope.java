package dev.streamsmustflow.recovery.report;

import java.util.List;

/** What the report covers: how many runs in how many groups of which variants, faults and guarantees, repeated how often. */
final class Scope implements Finding {

    @Override
    public List<String> sentences(ReportContext report) {
        List<ReportGroup> groups = report.groups();
        int runs = report.runs();
        int fewest = groups.stream().mapToInt(ReportGroup::repetitions).min().orElse(0);
        int most = groups.stream().mapToInt(ReportGroup::repetitions).max().orElse(0);
        String what = ReportFormat.plural(runs, "run") + " in " + ReportFormat.plural(groups.size(), "group") + ": "
                + ReportFormat.and(report.distinct(group -> group.variant().name())) + " under "
                + ReportFormat.and(report.distinct(group -> group.fault().name())) + ", with "
                + ReportFormat.and(report.distinct(group -> group.guarantee().setting())) + ".";
        if (most == 1) {
            return List.of(what + " Each group ran once: every figure is a single measurement, so small differences may "
                    + "be noise.");
        }
        String times = fewest == most ? " Each group ran " + most + " times" : " Groups ran " + fewest + " to " + most + " times";
        return List.of(what + times + "; figures are medians over the runs." + reusedStates(groups));
    }

    private static String reusedStates(List<ReportGroup> groups) {
        int onHitState = groups.stream().mapToInt(ReportGroup::runsOnHitState).sum();
        if (onHitState == 0) {
            return "";
        }
        return " " + ReportFormat.plural(onHitState, "run") + " hit a state that an earlier run of its group had hit: "
                + "the group's state was built once, each fault hit a pod not hit before, once every pod held an active "
                + "task and no warm-up again; the verdict of such a group is one check of the output after its last fault.";
    }
}
