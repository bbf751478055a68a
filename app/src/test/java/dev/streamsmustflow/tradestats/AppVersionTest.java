package dev.streamsmustflow.tradestats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppVersionTest {

    @Test
    void theVersionIsTheProjectsFromTheBuildInformationOnTheClasspath() {
        String projectVersion = System.getProperty("project.version");
        assertNotNull(projectVersion, "the build passes project.version to the tests");

        assertEquals(Optional.of(projectVersion), AppVersion.current());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "version=", "version=${project.version}", "other=1"})
    void buildInformationWithoutARealVersionGivesNone(String content) {
        assertEquals(Optional.empty(), AppVersion.of(new ByteArrayInputStream(content.getBytes(StandardCharsets.ISO_8859_1))));
    }

    @Test
    void noBuildInformationGivesNone() {
        assertEquals(Optional.empty(), AppVersion.of(null));
    }
}
