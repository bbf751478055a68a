package dev.streamsmustflow.recovery.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.streamsmustflow.recovery.benchmark.BenchmarkSummary;
import dev.streamsmustflow.recovery.benchmark.ProcessingBenchmark;
import dev.streamsmustflow.recovery.benchmark.ThroughputRun;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.platform.MachineUseSampler;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.report.Environment;
import dev.streamsmustflow.recovery.scenario.SourceCommit;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code ./compare benchmark}: the trade-stats topology's processing throughput against a pass-through app. */
@Command(name = "benchmark", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Measures the trade-stats topology's steady processing throughput next to a pass-through Kafka "
                + "Streams app (TOPOLOGY=pass-through) on the same broker, partitions and settings, alternating runs, "
                + "and writes benchmark.md and benchmark.json.")
final class BenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--platform", description = "local or docker.")
    PlatformKind platform = PlatformKind.LOCAL;

    @Option(names = "--trades", description = "Trades written before each run and processed by it.")
    int trades = 1_000_000;

    @Option(names = "--repetitions", description = "Runs of each topology.")
    int repetitions = 3;

    @Option(names = "--guarantee", description = "Processing guarantee: exactly_once_v2 or at_least_once.")
    String guarantee = ProcessingGuarantee.EXACTLY_ONCE_V2.setting();

    @Option(names = "--replicas", description = "Replicas of the app.")
    int replicas = 3;

    @Option(names = "--partitions", description = "Partitions of the input and output topics.")
    int partitions = 6;

    @Option(names = "--seed", description = "Seed of the generated trades.")
    long seed = WorkloadSpec.DEFAULT_SEED;

    @Option(names = "--output", description = "Directory for benchmark.md, benchmark.json and the logs "
            + "(default: target/benchmark-<time>).")
    Path output;

    @Override
    public Integer call() {
        ProcessingGuarantee chosen;
        try {
            chosen = ProcessingGuarantee.of(guarantee);
            if (platform != PlatformKind.LOCAL && platform != PlatformKind.DOCKER) {
                throw new IllegalArgumentException("--platform must be local or docker for the benchmark, was " + platform);
            }
            if (repetitions < 1 || replicas < 1 || partitions < replicas) {
                throw new IllegalArgumentException("--repetitions and --replicas must be at least 1, and --partitions at "
                        + "least --replicas");
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Path dir = CompareCommand.outputDirectory(output, "benchmark");
        PrintWriter out = spec.commandLine().getOut();
        try (HarnessLog log = HarnessLog.redirectTo(dir.resolve("benchmark.log"))) {
            out.println("Harness log: " + log.file());
            Platform started;
            try {
                started = PlatformLauncher.real(null).start(platform, dir.resolve("runs"));
            } catch (RuntimeException e) {
                spec.commandLine().getErr().println("benchmark: the " + platform + " platform could not start: " + e.getMessage());
                return ExitCode.COULD_NOT_RUN.code();
            }
            try (started; MachineUseSampler machineUse = MachineUseSampler.start()) {
                String when = Instant.now().toString();
                List<ThroughputRun> runs = new ProcessingBenchmark(started, trades, replicas, partitions, chosen, seed)
                        .run(repetitions, step -> out.println("[benchmark] " + step));
                Environment.Machine machine = Environment.Machine.current();
                BenchmarkSummary summary = new BenchmarkSummary(runs, started.description(), String.format(Locale.ROOT,
                        "%s %s, %d cores, %.1f GiB memory, Java %s; %s, %d replicas, %d partitions, %,d trades a run",
                        machine.os(), machine.arch(), machine.cores(), machine.memoryBytes() / (double) (1L << 30),
                        machine.javaVersion(), chosen.setting(), replicas, partitions, trades), when, seed,
                        SourceCommit.current(), machineUse.stop());
                Files.writeString(dir.resolve("benchmark.md"), summary.markdown(), StandardCharsets.UTF_8);
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValue(dir.resolve("benchmark.json").toFile(), summary);
                out.print(summary.markdown());
                out.println("Benchmark: " + dir.resolve("benchmark.md"));
                return ExitCode.DONE.code();
            } catch (RuntimeException e) {
                spec.commandLine().getErr().println("benchmark: a run could not finish: " + e.getMessage()
                        + " (the harness log has the details)");
                return ExitCode.COULD_NOT_RUN.code();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
