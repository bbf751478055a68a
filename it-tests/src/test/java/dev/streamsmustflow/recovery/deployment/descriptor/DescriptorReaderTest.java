package dev.streamsmustflow.recovery.deployment.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A descriptor is read strictly: every mistake is one line naming the field and what is wrong with it. */
class DescriptorReaderTest {

    /** The talk's word count, described as a user would: a jar, a file of lines, a table of counts. */
    private static final String WORD_COUNT = """
            name: word-count
            app:
              jar: target/word-count.jar
              image: example/word-count:1.0
            applicationId: word-count
            env:
              BOOTSTRAP: ${bootstrapServers}
              STATE: ${stateDir}/streams
              INSTANCE: ${instanceId}
              GUARANTEE: ${processingGuarantee}
              INPUT: lines
            inputs:
              - topic: lines
                partitions: 6
                key: string
                value: string
                source:
                  file: input/lines.jsonl
            outputs:
              - topic: word-counts
                semantics: table
                key: string
                value: long
            reference:
              class: com.example.WordCount
              method: topology
            """;

    @TempDir
    Path dir;

    @Test
    void readsEveryFieldAndResolvesPathsAgainstTheDescriptorsDirectory() throws IOException {
        AppDescriptor descriptor = DescriptorReader.read(write(WORD_COUNT));

        assertEquals("word-count", descriptor.name());
        assertEquals(dir.resolve("target/word-count.jar").toString(), descriptor.app().jar());
        assertEquals("example/word-count:1.0", descriptor.app().image());
        assertEquals("${stateDir}/streams", descriptor.env().get("STATE"));
        InputTopic lines = descriptor.inputs().get(0);
        assertEquals(List.of("lines", 6, RecordFormat.STRING), List.of(lines.topic(), lines.partitions(), lines.value()));
        assertEquals(dir.resolve("input/lines.jsonl").toString(), lines.source().file());
        assertNull(lines.source().generator());
        assertEquals(new OutputTopic("word-counts", OutputSemantics.TABLE, RecordFormat.STRING, RecordFormat.LONG),
                descriptor.outputs().get(0));
        assertEquals(new TopologyReference("com.example.WordCount", "topology", Map.of()), descriptor.reference());
        assertNull(descriptor.deadLetterTopic());
    }

    @Test
    void theDigestIsTheFilesSha256AndAnyByteChangesIt() throws Exception {
        Path file = write(WORD_COUNT);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));

        assertEquals(sha256, DescriptorReader.read(file).digest());

        Files.writeString(file, "# a comment changes no field but the file\n", StandardOpenOption.APPEND);
        assertNotEquals(sha256, DescriptorReader.read(file).digest(), "the digest is of the file, as a user keeps it");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a typo in a field      | applicationId: word-count    | applicationID: word-count | unknown field 'applicationID' (known: [app, applicationId, deadLetterTopic, env, inputs, name, outputs, reference])",
        "a typo deep inside     | semantics: table             | semantic: table           | outputs[0]: unknown field 'semantic'",
        "a missing field        | applicationId: word-count    | ''                        | missing field 'applicationId'",
        "a field with no value  | applicationId: word-count    | 'applicationId:'          | applicationId: must have a value",
        "an unknown semantics   | semantics: table             | semantics: tabel          | outputs[0].semantics: 'tabel' is no output semantics: [table, stream, final-only]",
        "an unknown format      | value: long                  | value: decimal            | outputs[0].value: 'decimal' is no record format: [string, json, long, integer, bytes]",
        "partitions not a number | partitions: 6               | partitions: six           | inputs[0].partitions: 'six' is not a int",
        "no partitions          | partitions: 6                | partitions: 0             | inputs[0].partitions: must be at least 1, was 0",
        "an unknown placeholder | ${instanceId}                | ${podname}                | env.INSTANCE: ${podname} is no placeholder",
        "a topic Kafka refuses  | - topic: word-counts         | - topic: word counts      | outputs[0]: 'word counts' is not a topic name Kafka takes",
        "a topic twice          | - topic: word-counts         | - topic: lines            | outputs[0]: topic 'lines' is named twice",
        "two sources            | file: input/lines.jsonl      | file: x.jsonl\\n      generator: {class: com.example.Gen} | inputs[0].source: needs a file or a generator, not both"})
    void aMistakeIsOneLineNamingTheFieldAndWhatIsWrong(String mistake, String correct, String wrong, String expected)
            throws IOException {
        Path file = write(WORD_COUNT.replace(correct, wrong.replace("\\n", "\n")));

        DescriptorException refused = assertThrows(DescriptorException.class, () -> DescriptorReader.read(file));

        assertTrue(refused.getMessage().startsWith(file + ": "), refused.getMessage());
        assertTrue(refused.getMessage().contains(expected), mistake + ": " + refused.getMessage());
        assertEquals(1, refused.getMessage().lines().count(), "one line: " + refused.getMessage());
    }

    @Test
    void anAppNeedsAJarOrAnImageAndAFileThatIsNotThereIsSaid() throws IOException {
        Path noArtifact = write(WORD_COUNT.replace("  jar: target/word-count.jar\n", "")
                .replace("  image: example/word-count:1.0\n", "  {}\n").replace("app:\n  {}", "app: {}"));
        DescriptorException refused = assertThrows(DescriptorException.class, () -> DescriptorReader.read(noArtifact));
        assertTrue(refused.getMessage().contains("app: needs a jar, an image or both"), refused.getMessage());

        DescriptorException missing = assertThrows(DescriptorException.class,
                () -> DescriptorReader.read(dir.resolve("nowhere.yaml")));
        assertTrue(missing.getMessage().contains("nowhere.yaml: cannot be read"), missing.getMessage());
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("recovery-app.yaml"), yaml);
    }
}
