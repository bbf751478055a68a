package dev.streamsmustflow.examples.wordcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SentenceGeneratorTest {

    private static final Pattern LINE = Pattern.compile(
            "\\{\"key\": \"s(\\d+)\", \"value\": \"([a-z ]+)\", \"timestamp\": (\\d+)}");

    @Test
    void aSeedGivesTheSameSentencesAndAnotherSeedOthers() {
        assertEquals(take(new SentenceGenerator(7), 50), take(new SentenceGenerator(7), 50));
        assertNotEquals(take(new SentenceGenerator(7), 50), take(new SentenceGenerator(8), 50));
    }

    @Test
    void eachLineIsARecordOfThreeToEightKnownWordsTenMillisecondsAfterThePrevious() {
        List<String> lines = take(new SentenceGenerator(20261207), 1_000);

        for (int n = 0; n < lines.size(); n++) {
            Matcher line = LINE.matcher(lines.get(n));
            assertTrue(line.matches(), lines.get(n));
            assertEquals(n, Long.parseLong(line.group(1)));
            List<String> words = Arrays.asList(line.group(2).split(" "));
            assertTrue(words.size() >= 3 && words.size() <= 8, lines.get(n));
            assertTrue(SentenceGenerator.VOCABULARY.containsAll(words), lines.get(n));
            assertEquals(1_796_601_600_000L + 10L * n, Long.parseLong(line.group(3)));
        }
    }

    private static List<String> take(SentenceGenerator generator, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(generator.get());
        }
        return lines;
    }
}
