package dev.streamsmustflow.recovery.checker.differential;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The classes of a user's jar, for building its topology in the harness's JVM: the app's own classes and its
 * libraries come from the jar first, so that its versions of them win over the harness's; Kafka's, RocksDB's (whose
 * native library loads once per JVM), the logging API's and the JDK's come from the harness, so that the
 * {@code Topology} the app builds is the one {@code TopologyTestDriver} takes.
 */
public final class AppJarClassLoader extends URLClassLoader {

    /** Packages the app shares with the harness: a class of these is the harness's, whatever the jar holds. */
    private static final List<String> SHARED = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "org.apache.kafka.", "org.rocksdb.", "org.slf4j.");

    static {
        registerAsParallelCapable();
    }

    public AppJarClassLoader(Path jar, ClassLoader harness) {
        super("app-jar", new URL[] {url(jar)}, harness);
    }

    private static URL url(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("the app's jar " + jar + " does not exist");
        }
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("the app's jar " + jar + " has no URL: " + e.getMessage(), e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (SHARED.stream().anyMatch(name::startsWith)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notInTheJar) {
                    return super.loadClass(name, resolve);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }
}
