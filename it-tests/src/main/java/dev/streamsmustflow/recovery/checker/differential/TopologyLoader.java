package dev.streamsmustflow.recovery.checker.differential;

import dev.streamsmustflow.recovery.deployment.descriptor.TopologyReference;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;
import org.apache.kafka.streams.Topology;

/**
 * Builds the topology a descriptor names from a class loader that sees the app's classes: a {@code Supplier<Topology>}
 * with a public no-argument constructor, or a public static no-argument method that returns a {@link Topology}. What
 * does not fit is an {@link IllegalArgumentException} that names the class and what it lacks.
 */
public final class TopologyLoader {

    private TopologyLoader() {
    }

    public static Topology load(TopologyReference reference, ClassLoader classes) {
        Class<?> type;
        try {
            type = Class.forName(reference.className(), true, classes);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("topology class " + reference.className() + " cannot be loaded: " + e, e);
        }
        Object built = reference.method() == null ? fromSupplier(type) : fromStaticMethod(type, reference.method());
        if (!(built instanceof Topology topology)) {
            throw new IllegalArgumentException(where(type, reference.method()) + " returned "
                    + (built == null ? "null" : "a " + built.getClass().getName()) + ", not an " + Topology.class.getName()
                    + " (is kafka-streams in the app's jar a version the harness cannot share?)");
        }
        return topology;
    }

    private static Object fromSupplier(Class<?> type) {
        if (!Supplier.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("topology class " + type.getName() + " is no Supplier<Topology>; name "
                    + "a static method that builds it with 'method'");
        }
        try {
            return ((Supplier<?>) type.getConstructor().newInstance()).get();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("topology class " + type.getName() + " has no public constructor "
                    + "without arguments", e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(where(type, null) + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("topology class " + type.getName() + " cannot be made: " + e, e);
        }
    }

    private static Object fromStaticMethod(Class<?> type, String name) {
        Method method;
        try {
            method = type.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("topology class " + type.getName() + " has no public method " + name
                    + "() without arguments", e);
        }
        if (!Modifier.isStatic(method.getModifiers())) {
            throw new IllegalArgumentException(where(type, name) + " is not static");
        }
        try {
            return method.invoke(null);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(where(type, name) + " failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(where(type, name) + " cannot be called: " + e, e);
        }
    }

    private static String where(Class<?> type, String method) {
        return method == null ? type.getName() + ".get()" : type.getName() + "." + method + "()";
    }
}
