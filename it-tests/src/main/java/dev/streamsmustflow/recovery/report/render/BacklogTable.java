package dev.streamsmustflow.recovery.report.render;

import dev.streamsmustflow.recovery.report.BacklogFigures;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What each recovery under load cost in lag, a row per group whose input flowed through the fault: the input's
 * rate and load, the peak lag, the time to drain it, the catch-up rate and how many runs fitted the lag budget.
 * Absent from reports of results from before the input flowed.
 */
final class BacklogTable {

    static final String LEGEND = "Medians over the runs, with (min–max) when a group ran more than once. Peak lag: the"
            + " most records the committed input offsets were behind the input's end between the fault and caught up,"
            + " also in ms of input at its rate; drain: from that peak until the lag was back at its pre-fault level;"
            + " catch-up: the records a second the backlog shrank by, above the input's rate; within budget: the runs"
            + " whose lag was back at its level within the lag budget after the fault.";

    private BacklogTable() {
    }

    /** The table, or none where no group ran under load. */
    static Optional<Section> of(RecoveryReport report) {
        List<ReportGroup> loaded = report.groups().stream().filter(BacklogFigures::underLoad).toList();
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        boolean settings = loaded.stream().anyMatch(group -> !group.settings().isEmpty());
        List<Column> columns = new ArrayList<>(List.of(text("Variant"), text("Fault")));
        if (settings) {
            columns.add(text("Settings"));
        }
        columns.addAll(List.of(number("Runs"), number("Input (records/s)"), number("Load (% of capacity)"),
                number("Peak lag (records)"), number("Peak lag (ms of input)"), number("Drain (ms)"),
                number("Catch-up (records/s)"), number("Within budget")));
        List<List<String>> rows = new ArrayList<>();
        for (ReportGroup group : loaded) {
            List<String> row = new ArrayList<>(List.of(group.variant().name(), group.fault().name()));
            if (settings) {
                row.add(group.settings().isEmpty() ? PhaseTables.NONE : ReportFormat.settings(group.settings()));
            }
            row.add(Integer.toString(group.repetitions()));
            row.add(setting(BacklogFigures.inputRate(group)));
            row.add(setting(BacklogFigures.percentOfCapacity(group)));
            // a figure no run showed is null, and the spread of null is the table's dash
            for (Spread spread : Arrays.asList(BacklogFigures.peakLag(group), BacklogFigures.peakLagMsOfInput(group),
                    BacklogFigures.drainMs(group), BacklogFigures.catchUpRecordsPerSecond(group))) {
                row.add(PhaseTables.spread(spread));
            }
            String within = BacklogFigures.withinBudget(group);
            row.add(within == null ? PhaseTables.NONE : within);
            rows.add(row);
        }
        return Optional.of(new Section(SectionKind.BACKLOG, "Backlog under load", new Table(columns, rows),
                "Nothing to show.", LEGEND));
    }

    /** A figure every run of a group shares as a rule (its rate, its load): one value, a range only where they differ. */
    private static String setting(Spread spread) {
        return spread != null && spread.min() == spread.max() ? ReportFormat.count(spread.min()) : PhaseTables.spread(spread);
    }

    private static Column text(String header) {
        return new Column(header, ColumnStyle.TEXT);
    }

    private static Column number(String header) {
        return new Column(header, ColumnStyle.NUMBER);
    }
}
