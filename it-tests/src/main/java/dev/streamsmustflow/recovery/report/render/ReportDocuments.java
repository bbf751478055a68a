package dev.streamsmustflow.recovery.report.render;

import dev.streamsmustflow.recovery.report.Environment;
import dev.streamsmustflow.recovery.report.RecoveryReport;
import dev.streamsmustflow.recovery.report.ReportFormat;
import dev.streamsmustflow.recovery.report.RestoreScaling;
import dev.streamsmustflow.recovery.report.render.ReportDocument.Column;
import dev.streamsmustflow.recovery.report.render.ReportDocument.ColumnStyle;
import dev.streamsmustflow.recovery.report.render.ReportDocument.Section;
import dev.streamsmustflow.recovery.report.render.ReportDocument.SectionKind;
import dev.streamsmustflow.recovery.report.render.ReportDocument.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the {@link ReportDocument} of a report: every sentence and cell of every format, once. */
public final class ReportDocuments {

    private ReportDocuments() {
    }

    public static ReportDocument of(RecoveryReport report) {
        Environment environment = report.environment();
        String app = environment.app() == null ? "" : environment.app() + " ";
        String subtitle = environment.when() + " · Kafka " + environment.kafkaVersion() + " · app " + app
                + environment.appVersion() + " · " + report.groups().size() + " groups · schema " + report.schema();
        List<Section> sections = new ArrayList<>(PhaseTables.of(report));
        BacklogTable.of(report).ifPresent(sections::add);
        sections.add(restoreLines(report));
        sections.add(environment(report));
        return new ReportDocument(report.title(), subtitle, report.conclusion(), List.copyOf(sections), report.toJson());
    }

    /** The fitted restore lines, a row per platform and variant. */
    private static Section restoreLines(RecoveryReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (RestoreScaling.FittedLine line : report.restoreScaling().fits()) {
            rows.add(List.of(line.variant().name(), line.platform().toString(), Integer.toString(line.points()),
                    ReportFormat.count(line.fromRecords()) + "–" + ReportFormat.count(line.toRecords()),
                    ReportFormat.decimal(line.msPerMillionRecords(), 0), ReportFormat.decimal(line.interceptMs(), 0),
                    ReportFormat.decimal(line.rSquared(), 2)));
        }
        List<Column> columns = List.of(text("Variant"), text("Platform"), number("Runs"), number("Records restored"),
                number("ms per million records"), number("Intercept (ms)"), number("R²"));
        return new Section(SectionKind.RESTORE_LINES, "Restore time vs records restored (least squares)",
                new Table(columns, rows), "Too few different state sizes to fit a line.",
                rows.isEmpty() ? null : "restore ms ≈ intercept + ms per million records × records restored / 1,000,000.");
    }

    /** What a reader needs to reproduce the run, as name and value. */
    private static Section environment(RecoveryReport report) {
        Environment environment = report.environment();
        List<List<String>> rows = new ArrayList<>();
        environment.platforms().forEach(platform -> rows.add(List.of("Platform", describe(platform))));
        rows.add(List.of("Kafka", String.valueOf(environment.kafkaVersion())));
        if (environment.app() != null) {
            rows.add(List.of("App", environment.app() + " (from its descriptor)"));
        }
        if (!environment.appDescriptorDigests().isEmpty()) {
            rows.add(List.of("App descriptor", environment.appDescriptorDigests().stream().map(digest -> "SHA-256 " + digest)
                    .collect(Collectors.joining(", "))));
        }
        rows.add(List.of("App version", String.valueOf(environment.appVersion())));
        Environment.Machine machine = environment.machine();
        if (machine != null) {
            rows.add(List.of("Machine", machine.os() + " " + machine.arch() + ", " + machine.cores() + " cores, "
                    + ReportFormat.decimal(machine.memoryBytes() / (1024.0 * 1024 * 1024), 1) + " GiB memory"));
            rows.add(List.of("Java", machine.javaVersion()));
        }
        rows.add(List.of("Seeds", String.join(", ", environment.seeds().stream().map(String::valueOf).toList())));
        rows.add(List.of("When (first fault)", String.valueOf(environment.when())));
        if (!environment.commits().isEmpty()) {
            rows.add(List.of("Source commit", String.join(", ", environment.commits())));
        }
        rows.add(List.of("Settings of every run", ReportFormat.settings(environment.settings())));
        addPerDimension(rows, "Settings per variant", environment.settingsByVariant());
        addPerDimension(rows, "Settings per guarantee", environment.settingsByGuarantee());
        addPerDimension(rows, "Settings per fault", environment.settingsByFault());
        if (!environment.independentSettings().isEmpty()) {
            rows.add(List.of("Settings varied independently", String.join(", ", environment.independentSettings())));
        }
        return new Section(SectionKind.ENVIRONMENT, "Environment", new Table(List.of(text("Field"), text("Value")), rows),
                "Nothing to show.", null);
    }

    /** The platform's own description, which usually starts with its name already. */
    private static String describe(Environment.PlatformInfo platform) {
        String name = platform.name().toString();
        if (platform.description() == null) {
            return name;
        }
        return platform.description().startsWith(name) ? platform.description() : name + " — " + platform.description();
    }

    private static void addPerDimension(List<List<String>> rows, String name, Map<String, Map<String, String>> settings) {
        if (!settings.isEmpty()) {
            List<String> parts = new ArrayList<>();
            settings.forEach((value, ofValue) -> parts.add(value + ": " + ReportFormat.settings(ofValue)));
            rows.add(List.of(name, String.join("; ", parts)));
        }
    }

    private static Column text(String header) {
        return new Column(header, ColumnStyle.TEXT);
    }

    private static Column number(String header) {
        return new Column(header, ColumnStyle.NUMBER);
    }
}
