package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.history.Phase;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import dev.streamsmustflow.recovery.workload.SteadyLoad;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether each recovery under load fitted the run's lag budget ({@code ./compare --lag-budget-ms}): the lag of the
 * committed input offsets back at its pre-fault level within the budget after the fault (time to caught-up under
 * load), and, where the same configuration ran at several loads, up to which load every run fitted. The question
 * an on-call engineer asks of a deployment: at what load does a pod failure become an incident?
 */
final class LagBudget implements Finding {

    private static final String NAME = "lagBudget";
    static final Figure BUDGET = new Figure(NAME, "budgetMs", result -> load(result) == null ? null
            : load(result).lagBudgetMs());
    /** The load as a percentage of the capacity, where the rate was a share of it. */
    static final Figure PERCENT = new Figure(NAME, "percentOfCapacity", result -> load(result) == null
            || load(result).percentOfCapacity() == null ? null : load(result).percentOfCapacity().longValue());
    /** Per run whose lag was back at its level within the budget, its time to caught-up. */
    static final Figure WITHIN = new Figure(NAME, "withinBudgetMs", result -> judged(result, false));
    /** Per run whose lag was back at its level only after the budget, its time to caught-up. */
    static final Figure OVER = new Figure(NAME, "overBudgetMs", result -> judged(result, true));

    @Override
    public List<Figure> figures() {
        return List.of(BUDGET, PERCENT, WITHIN, OVER);
    }

    @Override
    public List<String> sentences(ReportContext report) {
        List<ReportGroup> judged = report.groupsWith(BUDGET).stream()
                .filter(group -> group.figure(WITHIN) != null || group.figure(OVER) != null).toList();
        if (judged.isEmpty()) {
            return List.of();
        }
        List<String> sentences = new ArrayList<>();
        List<String> budgets = judged.stream().map(group -> ReportFormat.ms(group.figure(BUDGET).max())).distinct().toList();
        sentences.add("Lag budget " + ReportFormat.and(budgets) + " (from the fault until the lag of the committed "
                + "offsets is back at its pre-fault level):");
        for (List<ReportGroup> family : families(report, judged)) {
            sentences.add(family(report, family));
        }
        return sentences;
    }

    /** The groups that differ in their load only, each family ordered by load. */
    private static List<List<ReportGroup>> families(ReportContext report, List<ReportGroup> judged) {
        Dimension load = new Dimension.Setting(SettingsProfile.PERCENT_OF_CAPACITY);
        Map<String, List<ReportGroup>> families = new LinkedHashMap<>();
        for (ReportGroup group : judged) {
            families.computeIfAbsent(report.label(group, load), key -> new ArrayList<>()).add(group);
        }
        Comparator<ReportGroup> byLoad = Comparator.comparingDouble(group -> group.figure(PERCENT) == null ? -1
                : group.figure(PERCENT).median());
        return families.values().stream().map(family -> family.stream().sorted(byLoad).toList()).toList();
    }

    private static String family(ReportContext report, List<ReportGroup> family) {
        Dimension load = new Dimension.Setting(SettingsProfile.PERCENT_OF_CAPACITY);
        List<String> within = new ArrayList<>();
        List<String> beyond = new ArrayList<>();
        for (ReportGroup group : family) {
            Spread fit = group.figure(WITHIN);
            Spread over = group.figure(OVER);
            int runs = (fit == null ? 0 : fit.count()) + (over == null ? 0 : over.count());
            if (over == null) {
                within.add(loadOf(group) + " (slowest run " + ReportFormat.ms(fit.max()) + ")");
            } else {
                beyond.add(loadOf(group) + " (" + over.count() + " of " + ReportFormat.plural(runs, "run") + ", slowest "
                        + ReportFormat.ms(over.max()) + ")");
            }
        }
        String name = report.label(family.get(0), load);
        if (beyond.isEmpty()) {
            return name + ": within it at " + ReportFormat.and(within) + ".";
        }
        if (within.isEmpty()) {
            return name + ": beyond it at " + ReportFormat.and(beyond) + ".";
        }
        return name + ": within it at " + ReportFormat.and(within) + "; beyond it at " + ReportFormat.and(beyond) + ".";
    }

    private static String loadOf(ReportGroup group) {
        Spread percent = group.figure(PERCENT);
        return percent == null ? "its rate" : percent.roundedMedian() + " % of the capacity";
    }

    /** The run's time to caught-up if it was {@code over} the budget (or within it, for false); else null. */
    private static Long judged(RecoveryResult result, boolean over) {
        SteadyLoad load = load(result);
        Long caughtUp = result.phase(Phase.TIME_TO_CAUGHT_UP);
        if (load == null || load.lagBudgetMs() == null || caughtUp == null) {
            return null;
        }
        return caughtUp > load.lagBudgetMs() == over ? caughtUp : null;
    }

    private static SteadyLoad load(RecoveryResult result) {
        return result.setup().workload() == null ? null : result.setup().workload().load();
    }
}
