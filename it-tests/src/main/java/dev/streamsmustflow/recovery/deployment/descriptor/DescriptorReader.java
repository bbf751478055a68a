package dev.streamsmustflow.recovery.deployment.descriptor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads an app descriptor strictly: an unknown field, a missing one, a value of the wrong kind or a placeholder the
 * harness does not fill is refused with one line that names the file, the field's path and what is wrong
 * ({@link DescriptorException}), so that a typo never runs as a default. Relative paths (the jar, input files, a
 * generator's jar) are resolved against the descriptor's directory.
 */
public final class DescriptorReader {

    /** Unknown fields refused; a field marked required refused when missing; the optional ones may be left out. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private DescriptorReader() {
    }

    /**
     * The descriptor in {@code file}, checked, its paths resolved.
     *
     * @throws DescriptorException naming what is wrong, where
     */
    public static AppDescriptor read(Path file) {
        String text;
        String digest;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = new String(bytes, StandardCharsets.UTF_8);
            digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        } catch (IOException e) {
            throw new DescriptorException(file + ": cannot be read: " + e.getMessage());
        }
        AppDescriptor parsed;
        try {
            JsonNode tree = YAML.readTree(text);
            Optional<String> unknown = UnknownFields.first(tree, AppDescriptor.class, "");
            if (unknown.isPresent()) {
                throw new DescriptorException(file + ": " + unknown.get());
            }
            parsed = tree == null || tree.isMissingNode() ? null : YAML.treeToValue(tree, AppDescriptor.class);
        } catch (JsonProcessingException e) {
            throw new DescriptorException(file + ": " + explain(e));
        }
        if (parsed == null) {
            throw new DescriptorException(file + ": is empty");
        }
        return DescriptorRules.check(parsed, file).withDigest(digest);
    }

    /** One line: where in the file, and what is wrong there. */
    private static String explain(JsonProcessingException e) {
        String at = e instanceof JsonMappingException mapping ? path(mapping.getPath()) : "";
        String where = at.isEmpty() ? "" : at + ": ";
        if (e instanceof UnrecognizedPropertyException unknown) {
            return where + "unknown field '" + unknown.getPropertyName() + "' (known: "
                    + unknown.getKnownPropertyIds().stream().map(Object::toString)
                            .collect(Collectors.toCollection(TreeSet::new)) + ")";
        }
        if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return where + instantiation.getCause().getMessage();
        }
        if (e instanceof InvalidFormatException format) {
            return where + "'" + format.getValue() + "' is not a " + format.getTargetType().getSimpleName();
        }
        String message = e.getOriginalMessage();
        if (message.startsWith("Missing required creator property")) {
            String field = message.substring(message.indexOf('\'') + 1, message.indexOf('\'', message.indexOf('\'') + 1));
            return where + "missing field '" + field + "'";
        }
        return where + message.lines().findFirst().orElse(message);
    }

    /** {@code inputs[0].source}, from Jackson's path of references; empty at the top. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
