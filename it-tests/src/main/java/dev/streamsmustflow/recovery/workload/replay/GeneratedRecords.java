package dev.streamsmustflow.recovery.workload.replay;

import dev.streamsmustflow.recovery.deployment.descriptor.GeneratorClass;
import dev.streamsmustflow.recovery.deployment.descriptor.InputTopic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A described app's input from its generator class: a public {@code java.util.function.Supplier<String>} with a public
 * constructor that takes the run's seed (a {@code long}), whose every {@code get()} is the next record as one line of
 * the input file format (a JSON object: key, value, timestamp, optional partition), without end. It is loaded from
 * its jar (the app's own where the descriptor names none) in a class loader of its own that sees the JDK alone.
 * The timestamps are moved as a whole, as a file's are: the first record's is the given start, the spacing kept.
 * A generator whose values carry their own event time (trade-stats' trades: the app windows by a field of the
 * value, which the harness cannot move) has a constructor that also takes the start ({@code (long seed, long
 * startMs)}); it is made with that one, and its timestamps are taken as they come.
 */
public final class GeneratedRecords implements RecordSource, AutoCloseable {

    private final String name;
    private final Supplier<?> generator;
    private final URLClassLoader loader;
    private final RecordEncoder keys;
    private final RecordEncoder values;
    private final int partitions;
    private final long startMs;
    /** How far each timestamp moves: 0 for a generator made with the start, else set by its first record. */
    private Long shiftMs;
    private int made;

    private GeneratedRecords(String name, Supplier<?> generator, URLClassLoader loader, InputTopic topic, long startMs,
            boolean startGiven) {
        this.name = name;
        this.generator = generator;
        this.loader = loader;
        this.keys = new RecordEncoder(topic.key());
        this.values = new RecordEncoder(topic.value());
        this.partitions = topic.partitions();
        this.startMs = startMs;
        this.shiftMs = startGiven ? 0L : null;
    }

    /**
     * @param appJar the app's jar, where the generator is when its descriptor names no jar of its own; null for none
     * @throws IllegalArgumentException naming the class and what is wrong: no jar, not in it, not a supplier, no
     *     constructor that takes the seed, a constructor that fails
     */
    public static GeneratedRecords load(GeneratorClass generator, String appJar, InputTopic topic, long seed,
            long startMs) {
        String className = generator.className();
        String jar = generator.jar() != null ? generator.jar() : appJar;
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalArgumentException(topic.topic() + ": the generator " + className + " needs its jar "
                    + (jar == null ? "(generator.jar, or the app's app.jar)" : jar + ", which does not exist"));
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {url(Path.of(jar))}, ClassLoader.getPlatformClassLoader());
        try {
            Class<?> type = Class.forName(className, true, loader);
            if (!Modifier.isPublic(type.getModifiers())) {
                throw refuse(loader, topic, className, "is not public");
            }
            if (!Supplier.class.isAssignableFrom(type)) {
                throw refuse(loader, topic, className, "is not a java.util.function.Supplier<String>");
            }
            Constructor<?> withStart = constructor(type, long.class, long.class);
            Supplier<?> made = (Supplier<?>) (withStart != null ? withStart.newInstance(seed, startMs)
                    : type.getConstructor(long.class).newInstance(seed));
            return new GeneratedRecords(className, made, loader, topic, startMs, withStart != null);
        } catch (ClassNotFoundException e) {
            throw refuse(loader, topic, className, "is not in " + jar);
        } catch (NoSuchMethodException e) {
            throw refuse(loader, topic, className, "has no public constructor that takes the run's seed (a long), or "
                    + "the seed and the start of event time (two longs)");
        } catch (InvocationTargetException e) {
            throw refuse(loader, topic, className, "failed to start: " + e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw refuse(loader, topic, className, "cannot be made: " + e);
        }
    }

    @Override
    public synchronized ReplayRecord next() {
        int number = ++made;
        String where = name + " record " + number + ": ";
        Object line;
        try {
            line = generator.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException(where + "the generator failed: " + e, e);
        }
        if (!(line instanceof String text)) {
            throw new IllegalArgumentException(where + (line == null ? "the generator ended (an input has no end)"
                    : "a " + line.getClass().getName() + ", not a String"));
        }
        ReplayRecord record = RecordFile.record(text, number, keys, values, partitions, where);
        if (shiftMs == null) {
            shiftMs = startMs - record.timestamp();
        }
        return new ReplayRecord(record.key(), record.value(), record.timestamp() + shiftMs, record.partition(), number);
    }

    /** The type's public constructor that takes {@code parameters}, or null. */
    private static Constructor<?> constructor(Class<?> type, Class<?>... parameters) {
        try {
            return type.getConstructor(parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the class loader of " + name, e);
        }
    }

    /** Why the generator cannot be used, to throw, its class loader closed. */
    private static IllegalArgumentException refuse(URLClassLoader loader, InputTopic topic, String className,
            String why) {
        try {
            loader.close();
        } catch (IOException e) {
            // the refusal says more than the failure to close
        }
        return new IllegalArgumentException(topic.topic() + ": the generator " + className + " " + why);
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a jar's path: " + jar, e);
        }
    }
}
