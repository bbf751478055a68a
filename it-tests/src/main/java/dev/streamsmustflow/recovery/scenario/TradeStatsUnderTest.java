package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.checker.CommittedJsonTopic;
import dev.streamsmustflow.recovery.checker.InputReader;
import dev.streamsmustflow.recovery.checker.Observed;
import dev.streamsmustflow.recovery.checker.Oracle;
import dev.streamsmustflow.recovery.checker.OutputRecord;
import dev.streamsmustflow.recovery.checker.Verdict;
import dev.streamsmustflow.recovery.checker.differential.DescriptorReference;
import dev.streamsmustflow.recovery.checker.differential.DifferentialCheck;
import dev.streamsmustflow.recovery.checker.differential.DifferentialVerdict;
import dev.streamsmustflow.recovery.checker.differential.ExpectedOutput;
import dev.streamsmustflow.recovery.checker.differential.InputTopicRecords;
import dev.streamsmustflow.recovery.checker.differential.KeyedRecord;
import dev.streamsmustflow.recovery.checker.differential.OutputTopicReader;
import dev.streamsmustflow.recovery.checker.differential.TopicComparison;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import dev.streamsmustflow.recovery.deployment.descriptor.InputTopic;
import dev.streamsmustflow.recovery.deployment.descriptor.OutputTopic;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.OutputGap;
import dev.streamsmustflow.recovery.history.ResumePoints;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.workload.InputFeed;
import dev.streamsmustflow.recovery.workload.TradeInput;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The shipped trade-stats: its topics named after the scenario, seeded trades, the built-in oracle. */
final class TradeStatsUnderTest implements AppUnderTest {

    /** Reading a topic after the run: 10 million records take about a minute here. */
    static final Duration OUTPUT_READ_TIMEOUT = Duration.ofMinutes(10);

    private final ScenarioSpec spec;
    private final DeploymentSpec.Topics topics;
    private TradeInput input;
    private Checked checked;

    TradeStatsUnderTest(ScenarioSpec spec) {
        this.spec = spec;
        this.topics = spec.deployment().topics();
    }

    @Override
    public void createTopics(Platform platform) {
        ScenarioTopics.create(platform, topics, spec.partitions());
    }

    @Override
    public void deleteTopics(Platform platform) {
        ScenarioTopics.delete(platform.admin(), spec.deployment().applicationId(), topics);
    }

    @Override
    public InputFeed openInput(Platform platform) {
        input = new TradeInput(spec.workload(), spec.settings().effectiveGraceMs(), platform.bootstrapServers(),
                topics.input());
        return input;
    }

    /** None: trade-stats reports its version in its {@code started} event. */
    @Override
    public String declaredVersion(Platform platform) {
        return null;
    }

    /** Judges as it reads: the built-in oracle, and the cross-check, need nothing but the run's topics. */
    @Override
    public void readOutput(Platform platform, History history) {
        String kafka = platform.bootstrapServers();
        List<OutputRecord> output = CommittedJsonTopic.OUTPUT.readAll(kafka, topics.output(), OUTPUT_READ_TIMEOUT);
        Observed observed = new Observed(InputReader.readAll(kafka, topics.input(), OUTPUT_READ_TIMEOUT), output,
                CommittedJsonTopic.DEAD_LETTERS.readAll(kafka, topics.deadLetter(), OUTPUT_READ_TIMEOUT),
                ResumePoints.of(history));
        Verdict verdict = Oracle.check(input.records(), observed,
                spec.settings().effectiveProcessingGuarantee(), spec.settings().effectiveGraceMs());
        checked = new Checked(verdict, output.stream()
                .map(record -> new OutputGap.Update(record.symbol(), record.appendTime())).toList(),
                spec.crossCheck() == null ? null : crossCheck(kafka, spec.crossCheck()));
    }

    @Override
    public Checked check(Platform platform) {
        if (checked == null) {
            throw new IllegalStateException(spec.id() + ": its output was not read");
        }
        return checked;
    }

    /**
     * The same run's output by the differential check: the run's input topic as it holds it, through the topology
     * trade-stats' descriptor names (its reference settings: the run's must be its defaults), against the run's
     * output topic, under table semantics.
     */
    private Verdict crossCheck(String kafka, AppDescriptor tradeStats) {
        InputTopic trades = tradeStats.inputs().get(0);
        OutputTopic stats = tradeStats.outputs().get(0);
        ExpectedOutput reference = DescriptorReference.expectedOutput(tradeStats, Map.of(trades.topic(),
                InputTopicRecords.readAll(kafka, topics.input(), OUTPUT_READ_TIMEOUT)));
        List<KeyedRecord> seen = OutputTopicReader.readAll(kafka, new OutputTopic(topics.output(), stats.semantics(),
                stats.key(), stats.value()), OUTPUT_READ_TIMEOUT);
        ProcessingGuarantee guarantee = spec.settings().effectiveProcessingGuarantee();
        TopicComparison comparison = new DifferentialCheck(DescribedUnderTest.EXAMPLES_KEPT).compare(stats.topic(),
                stats.semantics(), guarantee, reference.of(stats.topic()), seen);
        return DifferentialVerdict.of(List.of(comparison), guarantee, input.records().indeterminate().size(),
                DescribedUnderTest.EXAMPLES_KEPT, reference.method());
    }
}
