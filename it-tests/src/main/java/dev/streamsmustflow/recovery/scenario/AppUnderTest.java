package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.checker.Verdict;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.OutputGap;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.workload.InputFeed;
import java.util.List;

/**
 * What a scenario needs of the app it runs besides deploying it: its topics, its input, and the check of what it
 * wrote. The shipped trade-stats ({@link TradeStatsUnderTest}: trades, the built-in oracle) or an app from its
 * descriptor ({@link DescribedUnderTest}: its input file, the differential check).
 */
sealed interface AppUnderTest permits TradeStatsUnderTest, DescribedUnderTest {

    static AppUnderTest of(ScenarioSpec spec) {
        return spec.described() == null ? new TradeStatsUnderTest(spec) : new DescribedUnderTest(spec);
    }

    void createTopics(Platform platform);

    /** Deletes the run's topics, Kafka Streams' own included, so that the broker's disk keeps what the next needs. */
    void deleteTopics(Platform platform);

    /** Opens the run's input, to the platform's broker; once per scenario. */
    InputFeed openInput(Platform platform);

    /** Reads what the app wrote and checks it against what {@link #openInput}'s feed sent, once all is processed. */
    Checked check(Platform platform, History history);

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
