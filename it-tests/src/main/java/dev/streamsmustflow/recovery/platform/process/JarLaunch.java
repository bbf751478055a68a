package dev.streamsmustflow.recovery.platform.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What a pod's JVM runs: a runnable jar's main class, with options of its own (the recovery agent for a described
 * app).
 *
 * @param jvmOptions options the app's JVM needs besides the platform's heap and collector
 */
public record JarLaunch(Path jar, String mainClass, List<String> jvmOptions) {

    /** The shipped trade-stats, which writes its telemetry itself. */
    public static final String TRADE_STATS_MAIN = "dev.streamsmustflow.tradestats.TradeStatsMain";

    public JarLaunch {
        jvmOptions = List.copyOf(jvmOptions);
    }

    public static JarLaunch tradeStats() {
        return new JarLaunch(AppJar.location(), TRADE_STATS_MAIN, List.of());
    }

    /**
     * A user's runnable jar, its main class from its manifest.
     *
     * @throws IllegalArgumentException when the jar does not exist or names no {@code Main-Class}
     */
    public static JarLaunch of(Path jar) {
        return new JarLaunch(jar, mainClassOf(jar), List.of());
    }

    /** The same, with the recovery agent attached, reporting as {@code instance}. */
    public JarLaunch withAgentAs(String instance) {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add(agentOption(AppJar.agent().toString(), instance));
        return new JarLaunch(jar, mainClass, options);
    }

    /** The JVM option that attaches the recovery agent at {@code agentJar}, its telemetry naming {@code instance}. */
    public static String agentOption(String agentJar, String instance) {
        return "-javaagent:" + agentJar + "=instance=" + instance;
    }

    /** The {@code Implementation-Version} of a jar's manifest, or null where it has none. */
    public static String versionOf(Path jar) {
        return manifestAttribute(jar, Attributes.Name.IMPLEMENTATION_VERSION);
    }

    /** The {@code Main-Class} of a runnable jar's manifest. */
    static String mainClassOf(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("the app's jar " + jar + " does not exist: build it first");
        }
        String main = manifestAttribute(jar, Attributes.Name.MAIN_CLASS);
        if (main == null || main.isBlank()) {
            throw new IllegalArgumentException("the app's jar " + jar + " names no Main-Class in its manifest: the "
                    + "harness starts a pod as java -jar would");
        }
        return main.strip();
    }

    /** A main attribute of a jar's manifest, or null where the jar has no manifest or the manifest no such attribute. */
    private static String manifestAttribute(Path jar, Attributes.Name name) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest == null ? null : manifest.getMainAttributes().getValue(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the app's jar " + jar + ": " + e.getMessage(), e);
        }
    }
}
