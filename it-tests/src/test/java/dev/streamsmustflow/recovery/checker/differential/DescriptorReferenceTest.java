package dev.streamsmustflow.recovery.checker.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import dev.streamsmustflow.recovery.deployment.descriptor.DescriptorReader;
import dev.streamsmustflow.recovery.deployment.descriptor.OutputTopic;
import dev.streamsmustflow.recovery.workload.replay.RecordFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's app described in a file, its expected output from its own topology, loaded from its own jar. */
class DescriptorReferenceTest {

    private static final String DESCRIPTOR = """
            name: word-count
            app:
              jar: word-count.jar
            applicationId: word-count
            inputs:
              - topic: sentences
                partitions: 3
                key: string
                value: string
                source:
                  file: sentences.jsonl
            outputs:
              - topic: word-counts
                semantics: table
                key: string
                value: long
            reference:
              class: %s
            """.formatted(WordCountTopology.class.getName());

    @TempDir
    Path dir;

    @Test
    void theAppsClassesComeFromItsJarAndKafkasFromTheHarness() throws IOException, ClassNotFoundException {
        try (AppJarClassLoader classes = new AppJarClassLoader(jarOfWordCount(), getClass().getClassLoader())) {
            Class<?> fromJar = classes.loadClass(WordCountTopology.class.getName());

            assertNotEquals(WordCountTopology.class, fromJar, "the app's class is the jar's, not the harness's copy");
            assertSame(classes, fromJar.getClassLoader());
            assertSame(Topology.class, classes.loadClass(Topology.class.getName()));
        }
    }

    @Test
    void aDescribedAppsExpectedOutputIsItsTopologyOverItsInputFile() throws IOException {
        jarOfWordCount();
        Files.writeString(dir.resolve("sentences.jsonl"), """
                {"key": null, "value": "Streams must flow", "timestamp": 1000}
                {"key": null, "value": "flow", "timestamp": 2000}
                """);
        AppDescriptor descriptor = DescriptorReader.read(Files.writeString(dir.resolve("recovery-app.yaml"), DESCRIPTOR));

        ExpectedOutput expected = DescriptorReference.expectedOutput(descriptor, Map.of("sentences",
                RecordFile.read(Path.of(descriptor.inputs().get(0).source().file()), descriptor.inputs().get(0))));

        OutputTopic counts = descriptor.outputs().get(0);
        List<KeyedRecord> seen = List.of(new KeyedRecord("streams", "1"), new KeyedRecord("must", "1"),
                new KeyedRecord("flow", "2"));
        TopicComparison comparison = new DifferentialCheck(3).compare(counts.topic(), counts.semantics(),
                ProcessingGuarantee.EXACTLY_ONCE_V2, expected.of(counts.topic()), seen);
        assertEquals(4, expected.of(counts.topic()).size(), expected.toString());
        assertEquals("TopologyTestDriver, one driver for all partitions", expected.method(),
                "the word count repartitions by word: its partitions meet in one task");
        assertEquals(Validity.VALID, comparison.validity(), comparison.summary());
    }

    @Test
    void aDescriptorWithoutATopologyOrAJarSaysWhatTheReferenceNeeds() throws IOException {
        Files.writeString(dir.resolve("sentences.jsonl"), "");
        AppDescriptor imageOnly = DescriptorReader.read(Files.writeString(dir.resolve("image-only.yaml"),
                DESCRIPTOR.replace("jar: word-count.jar", "image: example/word-count:1.0")));
        AppDescriptor noReference = DescriptorReader.read(Files.writeString(dir.resolve("no-reference.yaml"),
                DESCRIPTOR.substring(0, DESCRIPTOR.indexOf("reference:"))));

        assertEquals("word-count has no jar ('app.jar') to build its topology from", assertThrows(
                IllegalArgumentException.class, () -> DescriptorReference.expectedOutput(imageOnly, Map.of()))
                .getMessage());
        assertEquals("word-count names no topology to drive ('reference'): its expected output needs a fault-free "
                + "reference run", assertThrows(IllegalArgumentException.class,
                () -> DescriptorReference.expectedOutput(noReference, Map.of())).getMessage());
        assertEquals("the app's jar " + dir.resolve("word-count.jar") + " does not exist", assertThrows(
                IllegalArgumentException.class, () -> new AppJarClassLoader(dir.resolve("word-count.jar"),
                        getClass().getClassLoader())).getMessage());
    }

    /** A jar holding the word count's compiled class, as a user's build would make it. */
    private Path jarOfWordCount() throws IOException {
        String entry = WordCountTopology.class.getName().replace('.', '/') + ".class";
        Path jar = dir.resolve("word-count.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                InputStream classFile = getClass().getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
