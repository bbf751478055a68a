package dev.streamsmustflow.recovery.workload.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.deployment.descriptor.GeneratorClass;
import dev.streamsmustflow.recovery.deployment.descriptor.InputSource;
import dev.streamsmustflow.recovery.deployment.descriptor.InputTopic;
import dev.streamsmustflow.recovery.deployment.descriptor.RecordFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.kafka.common.serialization.LongSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A generator class from its jar, as a descriptor names it: loaded alone, made with the seed, asked record by record. */
class GeneratedRecordsTest {

    private static final String PACKAGE = GeneratorFixtures.class.getName() + "$";
    private static final long START = 1_796_000_000_000L;

    @TempDir
    Path dir;
    private Path jar;

    @BeforeEach
    void jarTheFixtures() throws IOException {
        jar = dir.resolve("generators.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> type : GeneratorFixtures.ALL) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    @Test
    void aSeedGivesTheSameRecordsEncodedForTheTopicTheFirstAtTheStartTheirSpacingKept() {
        List<ReplayRecord> first = take("CountingGenerator", 7, 20);
        List<ReplayRecord> again = take("CountingGenerator", 7, 20);
        List<ReplayRecord> other = take("CountingGenerator", 8, 20);

        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(("k" + i).getBytes(StandardCharsets.UTF_8), first.get(i).key());
            assertEquals(START + 100L * i, first.get(i).timestamp(), "record " + i);
            assertArrayEquals(again.get(i).value(), first.get(i).value(), "the same seed, record " + i);
            assertEquals(8, first.get(i).value().length, "a long, as the topic's value format says");
        }
        assertNotEquals(values(first), values(other), "another seed");
    }

    @Test
    void aGeneratorThatTakesTheStartIsMadeWithItAndItsTimestampsAreTakenAsTheyCome() {
        List<ReplayRecord> records = take("StartedGenerator", 7, 5);

        for (int i = 0; i < records.size(); i++) {
            assertEquals(START + 10L * i, records.get(i).timestamp(), "record " + i);
            assertEquals(START + 10L * i, ByteBuffer.wrap(records.get(i).value()).getLong(),
                    "the value carries the same event time: record " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "NotAGenerator     | is not a java.util.function.Supplier<String>",
        "HiddenGenerator   | is not public",
        "SeedlessGenerator | has no public constructor that takes the run's seed (a long)",
        "NoSuchGenerator   | NoSuchGenerator is not in "})
    void aClassThatIsNoGeneratorIsRefusedWithItsNameAndWhy(String className, String why) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> load(className, 1));

        assertTrue(refused.getMessage().startsWith("numbers: the generator " + PACKAGE + className), refused.getMessage());
        assertTrue(refused.getMessage().contains(why.strip()), refused.getMessage());
    }

    @Test
    void aGeneratorThatEndsOrWritesABadLineIsStoppedAtThatRecord() {
        try (GeneratedRecords two = load("TwoRecordsGenerator", 1)) {
            two.take(2);
            IllegalArgumentException ended = assertThrows(IllegalArgumentException.class, two::next);
            assertTrue(ended.getMessage().contains("record 3: the generator ended"), ended.getMessage());
        }
        try (GeneratedRecords broken = load("BrokenLineGenerator", 1)) {
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, broken::next);
            assertTrue(bad.getMessage().contains("BrokenLineGenerator record 1: unknown field 'time'"), bad.getMessage());
        }
    }

    @Test
    void aGeneratorWithoutAJarIsRefused() {
        InputTopic topic = topic("CountingGenerator", null);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> GeneratedRecords.load(topic.source().generator(), null, topic, 1, START));

        assertTrue(refused.getMessage().contains("needs its jar (generator.jar, or the app's app.jar)"), refused.getMessage());
    }

    private List<ReplayRecord> take(String className, long seed, int count) {
        try (GeneratedRecords records = load(className, seed)) {
            return records.take(count);
        }
    }

    private GeneratedRecords load(String className, long seed) {
        InputTopic topic = topic(className, jar.toString());
        return GeneratedRecords.load(topic.source().generator(), null, topic, seed, START);
    }

    private static InputTopic topic(String className, String jar) {
        return new InputTopic("numbers", 3, RecordFormat.STRING, RecordFormat.LONG,
                new InputSource(null, new GeneratorClass(PACKAGE + className, jar)));
    }

    private static List<Long> values(List<ReplayRecord> records) {
        return records.stream().map(record -> java.nio.ByteBuffer.wrap(record.value()).getLong()).toList();
    }
}
