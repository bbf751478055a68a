package dev.streamsmustflow.recovery.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every finding is in the one list the groups and the conclusion iterate, and its figures have names of their own. */
class FindingsTest {

    @Test
    void everyFindingIsRegisteredOnce() {
        Set<String> implemented = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackagesOf(Finding.class).stream()
                .filter(type -> type.isAssignableTo(Finding.class) && !type.isInterface())
                .map(JavaClass::getName).collect(Collectors.toCollection(TreeSet::new));
        List<String> registered = Findings.ALL.stream().map(finding -> finding.getClass().getName()).sorted().toList();

        assertEquals(List.copyOf(implemented), registered, "Findings.ALL against the classes that implement Finding");
    }

    @Test
    void figuresBelongToTheirFindingAndAreNamedOnce() {
        List<String> names = Findings.ALL.stream().flatMap(finding -> finding.figures().stream())
                .map(figure -> figure.finding() + "." + figure.name()).toList();

        assertEquals(names.size(), Set.copyOf(names).size(), "figure names: " + names);
        Findings.ALL.forEach(finding -> assertTrue(finding.figures().stream().map(Figure::finding).distinct().count() <= 1,
                finding.getClass().getSimpleName() + " files its figures under one name"));
    }
}
