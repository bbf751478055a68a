package dev.streamsmustflow.recovery.deployment.descriptor;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The first field of a descriptor that its record does not have, found before binding: Jackson reports a required
 * field as missing before it reports the unknown one beside it, and {@code applicationID} is a typo of
 * {@code applicationId}, not a missing field.
 */
final class UnknownFields {

    private UnknownFields() {
    }

    /** {@code outputs[0]: unknown field 'semantic' (known: [key, semantics, topic, value])}, or empty. */
    static Optional<String> first(JsonNode node, Type type, String at) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (type instanceof Class<?> record && record.isRecord() && node.isObject()) {
            List<String> known = Arrays.stream(record.getRecordComponents())
                    .filter(component -> !component.getAccessor().isAnnotationPresent(JsonIgnore.class))
                    .map(UnknownFields::name).toList();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    return Optional.of((at.isEmpty() ? "" : at + ": ") + "unknown field '" + name + "' (known: "
                            + new TreeSet<>(known) + ")");
                }
            }
            for (RecordComponent component : record.getRecordComponents()) {
                String name = name(component);
                Optional<String> inside = first(node.get(name), component.getGenericType(), at.isEmpty() ? name
                        : at + "." + name);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> inside = first(node.get(i), list.getActualTypeArguments()[0], at + "[" + i + "]");
                if (inside.isPresent()) {
                    return inside;
                }
            }
        }
        return Optional.empty();
    }

    /** The field's name in the file: its {@code @JsonProperty} name where it has one (on the accessor, as on the component). */
    private static String name(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }
}
