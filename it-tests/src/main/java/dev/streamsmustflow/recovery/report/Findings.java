package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every finding of the report, in the order of its conclusion: the one list that the groups' figures and the
 * conclusion's sentences come from.
 */
final class Findings {

    static final List<Finding> ALL = List.of(
            new Scope(),
            new MeasuredOn(),
            new BacklogDrain(),
            new LagBudget(),
            new VariantComparison(),
            new Verdicts(),
            new InputWrittenTwice(),
            new MeasurementGaps(),
            new SettingEffects(),
            new RestoreCost(),
            new RestoreAgainstPlainRead(),
            new SessionWait(),
            new LocalStateLost(),
            new InstanceIdHeld(),
            new PeakResidentMemory(),
            new OtherWork());

    private Findings() {
    }

    /** Per finding that has figures, the spread of each over {@code results} (one group's runs), where any run had it. */
    static Map<String, Map<String, Spread>> figures(List<RecoveryResult> results) {
        Map<String, Map<String, Spread>> figures = new LinkedHashMap<>();
        for (Finding finding : ALL) {
            for (Figure figure : finding.figures()) {
                Spread spread = Spread.of(results.stream().map(figure.ofRun()).toList());
                if (spread != null) {
                    figures.computeIfAbsent(figure.finding(), name -> new LinkedHashMap<>()).put(figure.name(), spread);
                }
            }
        }
        return figures;
    }

    /** The conclusion: every finding's sentences, in the list's order. */
    static List<String> conclusion(ReportContext report) {
        List<String> sentences = new ArrayList<>();
        ALL.forEach(finding -> sentences.addAll(finding.sentences(report)));
        return List.copyOf(sentences);
    }
}
