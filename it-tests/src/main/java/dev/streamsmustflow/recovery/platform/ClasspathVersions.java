package dev.streamsmustflow.recovery.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions read from the classpath: the Kafka clients the harness runs with, and the harness itself. */
public final class ClasspathVersions {

    private static final String UNKNOWN = "unknown";

    private ClasspathVersions() {
    }

    /** The Kafka version of the harness's clients, and of the local platform's broker (same artifact version). */
    public static String kafkaClients() {
        // Read from the clients jar's own resource: its accessor moved into an internal package in Kafka 4.
        return versionIn("/kafka/kafka-version.properties");
    }

    /**
     * The project version from the harness jar's Maven metadata; the app is built from the same version.
     * Running from classes (an IDE, surefire) there is none: "unknown".
     */
    public static String harness() {
        return versionIn("/META-INF/maven/dev.streamsmustflow/recovery-harness/pom.properties");
    }

    private static String versionIn(String resource) {
        try (InputStream in = ClasspathVersions.class.getResourceAsStream(resource)) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", UNKNOWN);
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
