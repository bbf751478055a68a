package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.checker.Verdict;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.OutputGap;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.workload.InputFeed;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a scenario needs of the app it runs besides deploying it: its topics, its input, and the check of what it
 * wrote. The shipped trade-stats ({@link TradeStatsUnderTest}: trades, the built-in oracle) or an app from its
 * descriptor ({@link DescribedUnderTest}: its input file, the differential check).
 */
sealed interface AppUnderTest permits TradeStatsUnderTest, DescribedUnderTest {

    /**
     * @param resultsDir where a described app's reference run writes its history
     * @param progress told each step of a reference run as it begins
     */
    static AppUnderTest of(ScenarioSpec spec, Path resultsDir, Consumer<String> progress) {
        return spec.described() == null ? new TradeStatsUnderTest(spec) : new DescribedUnderTest(spec, resultsDir, progress);
    }

    void createTopics(Platform platform);

    /** Deletes the run's topics, Kafka Streams' own included, so that the broker's disk keeps what the next needs. */
    void deleteTopics(Platform platform);

    /** Opens the run's input, to the platform's broker; once per scenario. */
    InputFeed openInput(Platform platform);

    /** Reads what the app wrote, once it has processed all {@link #openInput}'s feed sent, while its pods still run. */
    void readOutput(Platform platform, History history);

    /**
     * Checks what {@link #readOutput} read against what the feed sent, once the app's pods are gone: a described app
     * that names no topology to drive runs again for its reference ({@link ReferenceRun}).
     */
    Checked check(Platform platform);

    /** The app's version where the app does not report it itself (its jar's manifest, its image's label), or null. */
    String declaredVersion(Platform platform);

    /**
     * A check's verdict, and every output update with its append time, for the output gap around each fault.
     *
     * @param crossCheck trade-stats' output judged the other way (the differential check), where the scenario asks for
     *     it ({@link ScenarioSpec#withCrossCheck}); null otherwise
     */
    record Checked(Verdict verdict, List<OutputGap.Update> updates, Verdict crossCheck) {
    }
}
