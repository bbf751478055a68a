package dev.streamsmustflow.tradestats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The app's version, from the build information the build writes next to its classes: the same in the
 * runnable jar and in the container image, where Jib runs the app from unpacked classes and no jar
 * manifest exists to ask.
 */
final class AppVersion {

    static final String BUILD_INFO = "build-info.properties";

    private AppVersion() {
    }

    /** The project's version; empty only for classes that were not built by Maven (an IDE's own compiler). */
    static Optional<String> current() {
        return of(AppVersion.class.getResourceAsStream(BUILD_INFO));
    }

    static Optional<String> of(InputStream buildInfo) {
        if (buildInfo == null) {
            return Optional.empty();
        }
        try (InputStream in = buildInfo) {
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            return version == null || version.isBlank() || version.startsWith("${") ? Optional.empty()
                    : Optional.of(version.strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUILD_INFO, e);
        }
    }
}
