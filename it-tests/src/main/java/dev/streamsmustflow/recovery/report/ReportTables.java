package dev.streamsmustflow.recovery.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The report's tables as rows of text, built once for both the Markdown and the HTML writer. */
final class ReportTables {

    /** @param numeric per column whether it holds numbers (right-aligned) */
    record Table(String title, List<String> headers, List<Boolean> numeric, List<List<String>> rows) {
    }

    static final String NONE = "—";
    /** The phases in the column order of the tables, with their headers. */
    private static final Map<String, String> PHASE_COLUMNS = phaseColumns();

    private ReportTables() {
    }

    private static Map<String, String> phaseColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put(ReportGroup.TIME_TO_CAUGHT_UP, "To caught-up");
        columns.put(ReportGroup.TIME_TO_READY, "To ready");
        columns.put("termination", "Termination");
        columns.put("start", "Start");
        columns.put("rebalance", "Rebalance");
        columns.put("restore", "Restore");
        columns.put("catchUp", "Catch-up");
        columns.put("outputGap", "Output gap");
        return columns;
    }

    /** One table of recovery phases per platform and processing guarantee, a row per variant × fault. */
    static List<Table> phases(RecoveryReport report) {
        Set<String> varying = ReportFormat.varying(report.groups());
        boolean severalPlatforms = varying.contains("platform");
        boolean severalSizes = varying.contains("stateRecords");
        boolean settings = report.groups().stream().anyMatch(group -> !group.settings().isEmpty());
        Map<String, List<ReportGroup>> byTable = new LinkedHashMap<>();
        report.groups().forEach(group -> byTable.computeIfAbsent(group.guarantee()
                + (severalPlatforms ? " on " + group.platform() : ""), key -> new ArrayList<>()).add(group));
        List<Table> tables = new ArrayList<>();
        byTable.forEach((title, groups) -> {
            List<String> headers = new ArrayList<>(List.of("Variant", "Fault"));
            List<Boolean> numeric = new ArrayList<>(List.of(false, false));
            add(headers, numeric, settings, "Settings", false);
            add(headers, numeric, severalSizes, "State (records)", true);
            add(headers, numeric, true, "Runs", true);
            PHASE_COLUMNS.values().forEach(header -> add(headers, numeric, true, header + " (ms)", true));
            add(headers, numeric, true, "Records restored", true);
            add(headers, numeric, true, "Verdict", false);
            List<List<String>> rows = new ArrayList<>();
            for (ReportGroup group : groups) {
                rows.add(row(group, settings, severalSizes));
            }
            tables.add(new Table(title, headers, numeric, rows));
        });
        return tables;
    }

    private static void add(List<String> headers, List<Boolean> numeric, boolean present, String header, boolean isNumber) {
        if (present) {
            headers.add(header);
            numeric.add(isNumber);
        }
    }

    private static List<String> row(ReportGroup group, boolean settings, boolean severalSizes) {
        List<String> row = new ArrayList<>(List.of(group.variant(), group.fault()));
        if (settings) {
            row.add(group.settings().isEmpty() ? NONE : ReportFormat.settings(group.settings()));
        }
        if (severalSizes) {
            row.add(ReportFormat.count(group.stateRecords()));
        }
        row.add(Integer.toString(group.repetitions()));
        PHASE_COLUMNS.keySet().forEach(phase -> row.add(spread(group.phasesMs().get(phase))));
        row.add(spread(group.recordsRestored()));
        GroupVerdict verdict = group.verdict();
        String counts = verdict.hasDiscrepancies() ? ": " + ReportFormat.discrepancies(verdict) : "";
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

    /** The fitted restore lines, a row per platform and variant. */
    static Table restoreLines(RecoveryReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (RestoreScaling.FittedLine line : report.restoreScaling().fits()) {
            rows.add(List.of(line.variant(), line.platform(), Integer.toString(line.points()),
                    ReportFormat.count(line.fromRecords()) + "–" + ReportFormat.count(line.toRecords()),
                    ReportFormat.decimal(line.msPerMillionRecords(), 0), ReportFormat.decimal(line.interceptMs(), 0),
                    ReportFormat.decimal(line.rSquared(), 2)));
        }
        return new Table("Restore time vs records restored (least squares)",
                List.of("Variant", "Platform", "Runs", "Records restored", "ms per million records", "Intercept (ms)",
                        "R²"),
                List.of(false, false, true, true, true, true, true), rows);
    }

    /** What a reader needs to reproduce the run, as name and value. */
    static Table environment(RecoveryReport report) {
        Environment environment = report.environment();
        List<List<String>> rows = new ArrayList<>();
        environment.platforms().forEach(platform -> rows.add(List.of("Platform", describe(platform))));
        rows.add(List.of("Kafka", String.valueOf(environment.kafkaVersion())));
        rows.add(List.of("App version", String.valueOf(environment.appVersion())));
        Environment.Machine machine = environment.machine();
        if (machine != null) {
            rows.add(List.of("Machine", machine.os() + " " + machine.arch() + ", " + machine.cores() + " cores, "
                    + ReportFormat.decimal(machine.memoryBytes() / (1024.0 * 1024 * 1024), 1) + " GiB memory"));
            rows.add(List.of("Java", machine.javaVersion()));
        }
        rows.add(List.of("Seeds", String.join(", ", environment.seeds().stream().map(String::valueOf).toList())));
        rows.add(List.of("When (first fault)", String.valueOf(environment.when())));
        rows.add(List.of("Settings of every run", ReportFormat.settings(environment.settings())));
        addPerDimension(rows, "Settings per variant", environment.settingsByVariant());
        addPerDimension(rows, "Settings per guarantee", environment.settingsByGuarantee());
        if (!environment.independentSettings().isEmpty()) {
            rows.add(List.of("Settings varied independently", String.join(", ", environment.independentSettings())));
        }
        return new Table("Environment", List.of("Field", "Value"), List.of(false, false), rows);
    }

    /** The platform's own description, which usually starts with its name already. */
    private static String describe(Environment.PlatformInfo platform) {
        if (platform.description() == null) {
            return platform.name();
        }
        return platform.description().startsWith(platform.name()) ? platform.description()
                : platform.name() + " — " + platform.description();
    }

    private static void addPerDimension(List<List<String>> rows, String name, Map<String, Map<String, String>> settings) {
        if (!settings.isEmpty()) {
            List<String> parts = new ArrayList<>();
            settings.forEach((value, ofValue) -> parts.add(value + ": " + ReportFormat.settings(ofValue)));
            rows.add(List.of(name, String.join("; ", parts)));
        }
    }
}
