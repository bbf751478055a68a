package dev.streamsmustflow.examples.wordcount;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Runs the word count until the JVM is asked to stop (SIGTERM: a pod deleted), then closes Kafka Streams. Nothing
 * in it knows of the recovery harness: the harness attaches its agent from outside.
 */
public final class WordCountMain {

    private WordCountMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        WordCountSettings settings;
        try {
            settings = WordCountSettings.from(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("word-count: " + e.getMessage());
            System.exit(2);
            return;
        }
        KafkaStreams streams = new KafkaStreams(new WordCountTopology(settings.inputTopic(), settings.outputTopic()).get(),
                settings.streams());
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close(Duration.ofSeconds(30));
            closed.countDown();
        }, "word-count-close"));
        streams.start();
        closed.await();
    }
}
