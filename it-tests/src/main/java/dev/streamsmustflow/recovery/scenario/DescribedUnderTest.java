package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.checker.Verdict;
import dev.streamsmustflow.recovery.checker.differential.DescriptorReference;
import dev.streamsmustflow.recovery.checker.differential.DifferentialCheck;
import dev.streamsmustflow.recovery.checker.differential.DifferentialVerdict;
import dev.streamsmustflow.recovery.checker.differential.ExpectedOutput;
import dev.streamsmustflow.recovery.checker.differential.OutputTopicReader;
import dev.streamsmustflow.recovery.checker.differential.TopicComparison;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import dev.streamsmustflow.recovery.deployment.descriptor.OutputTopic;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.OutputGap;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.workload.InputFeed;
import dev.streamsmustflow.recovery.workload.replay.ReplayInput;
import dev.streamsmustflow.recovery.workload.replay.ReplayRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An app from its descriptor: its topics as its code names them, its input (a file replayed, or its generator
 * class's records), and the differential check of each output topic against the same input without faults: through
 * its own topology in {@code TopologyTestDriver} where the descriptor names one ({@code reference}), else through the
 * app itself, deployed again once the run's pods are gone ({@link ReferenceRun}). One input topic for now: an app that
 * reads several is refused before anything runs.
 */
final class DescribedUnderTest implements AppUnderTest {

    /** Differences of each kind a topic's comparison keeps, and how many of all the verdict lists. */
    static final int EXAMPLES_KEPT = 20;

    private final ScenarioSpec spec;
    private final AppDescriptor descriptor;
    private final Path resultsDir;
    private final Consumer<String> progress;
    private ReplayInput input;
    private Map<OutputTopic, List<OutputTopicReader.Timed>> seen;

    DescribedUnderTest(ScenarioSpec spec, Path resultsDir, Consumer<String> progress) {
        this.spec = spec;
        this.descriptor = spec.described();
        this.resultsDir = resultsDir;
        this.progress = progress;
        if (descriptor.inputs().size() != 1) {
            throw new IllegalArgumentException(descriptor.name() + " reads " + descriptor.inputs().size()
                    + " topics: the harness feeds an app one input topic for now");
        }
    }

    @Override
    public void createTopics(Platform platform) {
        // a run that was killed may have left them: this one starts from empty topics
        DescribedAppTopics.delete(platform.admin(), spec.deployment().applicationId(), descriptor);
        DescribedAppTopics.create(platform, descriptor);
    }

    @Override
    public void deleteTopics(Platform platform) {
        DescribedAppTopics.delete(platform.admin(), spec.deployment().applicationId(), descriptor);
    }

    @Override
    public InputFeed openInput(Platform platform) {
        input = new ReplayInput(descriptor.inputs().get(0), spec.workload().eventTimeStart(), platform.bootstrapServers(),
                spec.workload().seed(), descriptor.app().jar());
        return input;
    }

    @Override
    public String declaredVersion(Platform platform) {
        return platform.declaredVersion(descriptor.app());
    }

    @Override
    public void readOutput(Platform platform, History history) {
        seen = new LinkedHashMap<>();
        for (OutputTopic output : descriptor.outputs()) {
            seen.put(output, OutputTopicReader.readTimed(platform.bootstrapServers(), output,
                    TradeStatsUnderTest.OUTPUT_READ_TIMEOUT));
        }
    }

    @Override
    public Checked check(Platform platform) {
        if (seen == null) {
            throw new IllegalStateException(spec.id() + ": its output was not read");
        }
        Map<String, List<ReplayRecord>> sent = Map.of(descriptor.inputs().get(0).topic(), input.producer().acknowledged());
        ExpectedOutput reference = descriptor.reference() != null ? DescriptorReference.expectedOutput(descriptor, sent)
                : ReferenceRun.expectedOutput(platform, spec.deployment(), sent,
                        resultsDir.resolve(spec.id() + ".reference.history.jsonl"), progress);
        ProcessingGuarantee guarantee = spec.settings().effectiveProcessingGuarantee();
        DifferentialCheck check = new DifferentialCheck(EXAMPLES_KEPT);
        List<TopicComparison> comparisons = new ArrayList<>();
        List<OutputGap.Update> updates = new ArrayList<>();
        seen.forEach((output, records) -> {
            records.forEach(record -> updates.add(new OutputGap.Update(output.topic() + "/" + record.record().key(),
                    record.timestamp())));
            comparisons.add(check.compare(output.topic(), output.semantics(), guarantee, reference.of(output.topic()),
                    records.stream().map(OutputTopicReader.Timed::record).toList()));
        });
        Verdict verdict = DifferentialVerdict.of(comparisons, guarantee, input.producer().indeterminate().size(),
                EXAMPLES_KEPT, reference.method());
        return new Checked(verdict, updates, null);
    }
}
