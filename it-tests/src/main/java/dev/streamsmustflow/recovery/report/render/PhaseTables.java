package dev.streamsmustflow.recovery.report.render;

import dev.streamsmustflow.recovery.history.Phase;
import dev.streamsmustflow.recovery.report.CheckedOutput;
import dev.streamsmustflow.recovery.report.Dimension;
import dev.streamsmustflow.recovery.report.GroupVerdict;
import dev.streamsmustflow.recovery.report.RecoveryReport;
import dev.streamsmustflow.recovery.report.ReportFormat;
import dev.streamsmustflow.recovery.report.ReportGroup;
import dev.streamsmustflow.recovery.report.Spread;
import dev.streamsmustflow.recovery.report.render.ReportDocument.Column;
import dev.streamsmustflow.recovery.report.render.ReportDocument.ColumnStyle;
import dev.streamsmustflow.recovery.report.render.ReportDocument.Section;
import dev.streamsmustflow.recovery.report.render.ReportDocument.SectionKind;
import dev.streamsmustflow.recovery.report.render.ReportDocument.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recovery phases as tables: one per processing guarantee, a row per group; where the groups ran
 * on several platforms, a platform column puts the same scenario's rows side by side.
 */
final class PhaseTables {

    /** What the phase columns measure, so that a table can be read without docs/harness.md. */
    static final String LEGEND = "Medians over the runs in ms, with (min–max) when a group ran more than once."
            + " Termination: fault → old process gone; start: → replacement started; rebalance: → tasks assigned;"
            + " restore: first restore (or warm-up) start → last restore end; catch-up: ready → caught up (committed"
            + " offsets at the input's end; under load, their lag back at its pre-fault level for the settle time);"
            + " to ready / to caught-up: from the fault; output gap: the longest time a symbol had no"
            + " output update across the fault.";
    static final String NONE = "—";
    /** The phases in the tables' column order. */
    private static final List<Phase> COLUMNS = List.of(Phase.TIME_TO_CAUGHT_UP, Phase.TIME_TO_READY, Phase.TERMINATION,
            Phase.START, Phase.REBALANCE, Phase.RESTORE, Phase.CATCH_UP, Phase.OUTPUT_GAP);

    private PhaseTables() {
    }

    static List<Section> of(RecoveryReport report) {
        Set<Dimension> varying = Dimension.varyingIn(report.groups());
        boolean severalPlatforms = varying.contains(Dimension.Named.PLATFORM);
        boolean severalSizes = varying.contains(Dimension.Named.STATE_RECORDS)
                || report.groups().stream().anyMatch(group -> group.changelogRecords() != null);
        boolean settings = report.groups().stream().anyMatch(group -> !group.settings().isEmpty());
        Map<String, List<ReportGroup>> byTable = new LinkedHashMap<>();
        report.groups().forEach(group -> byTable.computeIfAbsent(group.guarantee().toString(), key -> new ArrayList<>())
                .add(group));
        List<Column> columns = columns(severalPlatforms, settings, severalSizes);
        List<Section> sections = new ArrayList<>();
        byTable.forEach((title, groups) -> {
            List<List<String>> rows = groups.stream().map(group -> row(group, severalPlatforms, settings, severalSizes,
                    CheckedOutput.of(report.environment())))
                    .toList();
            sections.add(new Section(SectionKind.PHASES, "Recovery phases: " + title, new Table(columns, rows),
                    "Nothing to show.", null));
        });
        if (!sections.isEmpty()) {
            Section last = sections.remove(sections.size() - 1);
            sections.add(new Section(last.kind(), last.title(), last.table(), last.emptyText(), LEGEND));
        }
        return sections;
    }

    private static List<Column> columns(boolean severalPlatforms, boolean settings, boolean severalSizes) {
        List<Column> columns = new ArrayList<>(List.of(text("Variant"), text("Fault")));
        if (severalPlatforms) {
            columns.add(text("Platform"));
        }
        if (settings) {
            columns.add(text("Settings"));
        }
        if (severalSizes) {
            columns.add(text("State"));
        }
        columns.add(number("Runs"));
        COLUMNS.forEach(phase -> columns.add(number(header(phase) + " (ms)")));
        columns.add(number("Records restored"));
        columns.add(new Column("Verdict", ColumnStyle.VERDICT));
        return columns;
    }

    private static List<String> row(ReportGroup group, boolean severalPlatforms, boolean settings, boolean severalSizes,
            CheckedOutput output) {
        List<String> row = new ArrayList<>(List.of(group.variant().name(), group.fault().name()));
        if (severalPlatforms) {
            row.add(group.platform().toString());
        }
        if (settings) {
            row.add(group.settings().isEmpty() ? NONE : ReportFormat.settings(group.settings()));
        }
        if (severalSizes) {
            row.add(ReportFormat.state(group));
        }
        row.add(Integer.toString(group.repetitions()));
        COLUMNS.forEach(phase -> row.add(spread(group.phasesMs().get(phase))));
        row.add(spread(group.recordsRestored()));
        GroupVerdict verdict = group.verdict();
        String counts = verdict.discrepancies().any() ? ": " + ReportFormat.discrepancies(verdict, output) : "";
        String runs = verdict.notValid() > 0 && group.repetitions() > 1
                ? " (" + verdict.notValid() + " of " + group.repetitions() + ")" : "";
        row.add(verdict.validity() + runs + counts);
        return row;
    }

    /** The median, and the range when there was more than one value. */
    static String spread(Spread spread) {
        if (spread == null) {
            return NONE;
        }
        String median = ReportFormat.count(spread.roundedMedian());
        return spread.count() == 1 ? median
                : median + " (" + ReportFormat.count(spread.min()) + "–" + ReportFormat.count(spread.max()) + ")";
    }

    private static String header(Phase phase) {
        return switch (phase) {
            case TIME_TO_CAUGHT_UP -> "To caught-up";
            case TIME_TO_READY -> "To ready";
            case TERMINATION -> "Termination";
            case START -> "Start";
            case REBALANCE -> "Rebalance";
            case RESTORE -> "Restore";
            case CATCH_UP -> "Catch-up";
            case OUTPUT_GAP -> "Output gap";
        };
    }

    private static Column text(String header) {
        return new Column(header, ColumnStyle.TEXT);
    }

    private static Column number(String header) {
        return new Column(header, ColumnStyle.NUMBER);
    }
}
