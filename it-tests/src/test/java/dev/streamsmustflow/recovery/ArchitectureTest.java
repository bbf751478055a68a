package dev.streamsmustflow.recovery;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.streamsmustflow.recovery.history.AppEvent;
import dev.streamsmustflow.recovery.history.FaultEvent;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.history.LagEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The harness's shape, as docs/harness.md draws it: dependencies run one way, cli → report → scenario →
 * (nemesis, platform, workload, checker, history) → deployment; platforms do not know each other or the
 * faults; classes stay small.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.streamsmustflow.recovery";
    private static final int MAX_LINES = 250;
    private static final JavaClasses HARNESS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void dependenciesRunOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage(ROOT + "..")
                .layer("testing").definedBy(ROOT + ".testing..")
                .layer("cli").definedBy(ROOT + ".cli..")
                .layer("report").definedBy(ROOT + ".report..")
                .layer("benchmark").definedBy(ROOT + ".benchmark..")
                .layer("scenario").definedBy(ROOT + ".scenario..")
                .layer("nemesis").definedBy(ROOT + ".nemesis..")
                .layer("platform").definedBy(ROOT + ".platform..")
                .layer("workload").definedBy(ROOT + ".workload..")
                .layer("checker").definedBy(ROOT + ".checker..")
                .layer("history").definedBy(ROOT + ".history..")
                .layer("deployment").definedBy(ROOT + ".deployment..")
                .whereLayer("testing").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayOnlyBeAccessedByLayers("testing")
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("benchmark").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("scenario").mayOnlyBeAccessedByLayers("testing", "cli", "report", "benchmark")
                .whereLayer("nemesis").mayOnlyBeAccessedByLayers("testing", "cli", "report", "scenario")
                .whereLayer("platform").mayOnlyBeAccessedByLayers("testing", "cli", "report", "scenario", "nemesis",
                        "benchmark")
                .whereLayer("workload").mayOnlyBeAccessedByLayers("cli", "report", "scenario", "checker", "benchmark")
                .whereLayer("checker").mayOnlyBeAccessedByLayers("testing", "cli", "report", "scenario", "benchmark")
                .whereLayer("history").mayOnlyBeAccessedByLayers("cli", "report", "scenario", "nemesis", "platform",
                        "benchmark")
                .check(HARNESS);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(HARNESS);
        slices().matching(ROOT + ".platform.(*)..").should().beFreeOfCycles().check(HARNESS);
    }

    @Test
    void platformsDoNotKnowEachOtherExceptK3sBuildingOnKubernetes() {
        noClasses().that(resideInAPackage(ROOT + ".platform.local.."))
                .should().dependOnClassesThat(resideInAPackage(ROOT + ".platform.kubernetes.."))
                .orShould().dependOnClassesThat(resideInAPackage(ROOT + ".platform.k3s.."))
                .check(HARNESS);
        noClasses().that(resideInAPackage(ROOT + ".platform.kubernetes.."))
                .should().dependOnClassesThat(resideInAPackage(ROOT + ".platform.local.."))
                .orShould().dependOnClassesThat(resideInAPackage(ROOT + ".platform.k3s.."))
                .check(HARNESS);
        noClasses().that().resideInAPackage(ROOT + ".platform")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".platform.*..")
                .because("what every platform shares must not know any of them")
                .check(HARNESS);
    }

    @Test
    void eventFieldsAreReadThroughTheirTypesOnly() {
        noClasses().that().doNotBelongToAnyOf(AppEvent.class, FaultEvent.class, LagEvents.class, HistoryEvent.class)
                .should().callMethod(HistoryEvent.class, "textField", String.class)
                .orShould().callMethod(HistoryEvent.class, "longField", String.class)
                .orShould().callMethod(HistoryEvent.class, "listField", String.class)
                .orShould().callMethod(HistoryEvent.class, "fields")
                .because("a telemetry field's name is spelled once, in TelemetryField, and read through AppEvent; a "
                        + "fault event's through FaultEvent, a lag event's through LagEvents")
                .check(HARNESS);
    }

    @Test
    void namesSayWhatAClassHolds() {
        noClasses().should().haveSimpleNameEndingWith("Utils").orShould().haveSimpleNameEndingWith("Helper")
                .orShould().haveSimpleNameEndingWith("Manager").check(HARNESS);
    }

    @Test
    void noSourceFileIsLongerThanAboutTwoHundredAndFiftyLines() throws IOException {
        Path sources = Path.of("src/main/java").resolve(ROOT.replace('.', '/'));
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(sources)) {
            tooLong = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> lines(file) > MAX_LINES)
                    .map(file -> sources.relativize(file) + " (" + lines(file) + " lines)")
                    .toList();
        }
        assertEquals(List.of(), tooLong, "classes over " + MAX_LINES + " lines");
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
