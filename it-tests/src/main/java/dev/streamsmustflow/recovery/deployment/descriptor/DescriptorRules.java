package dev.streamsmustflow.recovery.deployment.descriptor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a parsed descriptor must also be to run: names Kafka takes, a jar or an image, exactly one source per input,
 * no topic twice, environment variables with known placeholders. The first rule broken is the error; paths come
 * back resolved against the descriptor's directory.
 */
final class DescriptorRules {

    /** What Kafka allows in a topic name and an application id. */
    private static final Pattern KAFKA_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,200}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private DescriptorRules() {
    }

    static AppDescriptor check(AppDescriptor descriptor, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        List<String> problems = new ArrayList<>();
        String empty = firstEmpty(descriptor);
        if (empty != null) {
            throw new DescriptorException(file + ": " + empty + ": must have a value");
        }
        require(!descriptor.name().isBlank(), "name: must not be blank", problems);
        require(KAFKA_NAME.matcher(descriptor.applicationId()).matches(), "applicationId: '" + descriptor.applicationId()
                + "' is not a name Kafka takes (letters, digits, '.', '_', '-')", problems);
        AppArtifacts app = descriptor.app();
        require(app.jar() != null || app.image() != null, "app: needs a jar, an image or both", problems);
        descriptor.env().forEach((name, value) -> {
            require(ENV_NAME.matcher(name).matches(), "env." + name + ": is not an environment variable's name", problems);
            require(value != null, "env." + name + ": must have a value", problems);
            if (value != null) {
                EnvPlaceholder.unknownIn(value).forEach(unknown -> problems.add("env." + name + ": ${" + unknown
                        + "} is no placeholder; known: " + List.of(EnvPlaceholder.values())));
            }
        });
        require(!descriptor.inputs().isEmpty(), "inputs: needs at least one topic", problems);
        require(!descriptor.outputs().isEmpty(), "outputs: needs at least one topic", problems);
        Set<String> topics = new HashSet<>();
        for (int i = 0; i < descriptor.inputs().size(); i++) {
            InputTopic input = descriptor.inputs().get(i);
            String at = "inputs[" + i + "]";
            topic(input.topic(), at, topics, problems);
            require(input.partitions() >= 1, at + ".partitions: must be at least 1, was " + input.partitions(), problems);
            InputSource source = input.source();
            require((source.file() == null) != (source.generator() == null), at + ".source: needs a file or a generator, "
                    + "not both", problems);
        }
        for (int i = 0; i < descriptor.outputs().size(); i++) {
            topic(descriptor.outputs().get(i).topic(), "outputs[" + i + "]", topics, problems);
        }
        if (descriptor.deadLetterTopic() != null) {
            topic(descriptor.deadLetterTopic(), "deadLetterTopic", topics, problems);
        }
        if (!problems.isEmpty()) {
            throw new DescriptorException(file + ": " + problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        }
        return resolved(descriptor, dir);
    }

    /** The first required field given without a value ({@code applicationId:} and nothing after it), or null. */
    private static String firstEmpty(AppDescriptor descriptor) {
        Map<String, Object> required = new LinkedHashMap<>();
        required.put("name", descriptor.name());
        required.put("app", descriptor.app());
        required.put("applicationId", descriptor.applicationId());
        for (int i = 0; i < descriptor.inputs().size(); i++) {
            InputTopic input = descriptor.inputs().get(i);
            required.put("inputs[" + i + "]", input);
            if (input != null) {
                required.put("inputs[" + i + "].topic", input.topic());
                required.put("inputs[" + i + "].key", input.key());
                required.put("inputs[" + i + "].value", input.value());
                required.put("inputs[" + i + "].source", input.source());
            }
        }
        for (int i = 0; i < descriptor.outputs().size(); i++) {
            OutputTopic output = descriptor.outputs().get(i);
            required.put("outputs[" + i + "]", output);
            if (output != null) {
                required.put("outputs[" + i + "].topic", output.topic());
                required.put("outputs[" + i + "].semantics", output.semantics());
                required.put("outputs[" + i + "].key", output.key());
                required.put("outputs[" + i + "].value", output.value());
            }
        }
        return required.entrySet().stream().filter(field -> field.getValue() == null).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    private static void topic(String topic, String at, Set<String> seen, List<String> problems) {
        require(KAFKA_NAME.matcher(topic).matches(), at + ": '" + topic + "' is not a topic name Kafka takes", problems);
        require(seen.add(topic), at + ": topic '" + topic + "' is named twice", problems);
    }

    private static void require(boolean condition, String problem, List<String> problems) {
        if (!condition) {
            problems.add(problem);
        }
    }

    /** The descriptor with its jar, input files and generator jars as absolute paths. */
    private static AppDescriptor resolved(AppDescriptor descriptor, Path dir) {
        AppArtifacts app = new AppArtifacts(resolve(descriptor.app().jar(), dir), descriptor.app().image());
        List<InputTopic> inputs = descriptor.inputs().stream().map(input -> {
            InputSource source = input.source();
            GeneratorClass generator = source.generator() == null ? null
                    : new GeneratorClass(source.generator().className(), resolve(source.generator().jar(), dir));
            return new InputTopic(input.topic(), input.partitions(), input.key(), input.value(),
                    new InputSource(resolve(source.file(), dir), generator));
        }).toList();
        Map<String, String> env = new LinkedHashMap<>(descriptor.env());
        return new AppDescriptor(descriptor.name(), app, descriptor.applicationId(), env, inputs, descriptor.outputs(),
                descriptor.deadLetterTopic(), descriptor.reference(), descriptor.digest());
    }

    private static String resolve(String path, Path dir) {
        return path == null ? null : dir.resolve(path).normalize().toString();
    }
}
