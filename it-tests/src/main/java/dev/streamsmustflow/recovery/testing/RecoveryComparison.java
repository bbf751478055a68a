package dev.streamsmustflow.recovery.testing;

import dev.streamsmustflow.recovery.cli.CompareCommand;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.scenario.ResultFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A StatefulSet-vs-Deployment comparison of your own Kafka Streams app from its descriptor, in your build's tests:
 * what {@code ./compare --app} does, with the same defaults, checks and report, as a Java call.
 *
 * <pre>{@code
 * ComparisonOutcome outcome = RecoveryComparison.of(Path.of("recovery-app.yaml"))
 *         .faults(Fault.POD_KILL)
 *         .ratePerSecond(200)
 *         .stateRecords(1_000)
 *         .outputDirectory(Path.of("target/recovery"))
 *         .run();
 * assertTrue(outcome.allValid(), outcome.describe());
 * }</pre>
 *
 * Nothing runs before {@link #run()}; a setting it refuses (a fault the platform cannot do, a descriptor with a
 * typo) comes back as exit code 2 with the one line {@code ./compare} prints, not as an exception.
 */
public final class RecoveryComparison {

    private final Path descriptor;
    private PlatformKind platform = PlatformKind.LOCAL;
    private List<Variant> variants = List.of(Variant.STATEFUL_SET, Variant.DEPLOYMENT);
    private List<Fault> faults = List.of(Fault.POD_KILL, Fault.POD_DELETE);
    private List<ProcessingGuarantee> guarantees = List.of(ProcessingGuarantee.EXACTLY_ONCE_V2);
    private List<Long> stateRecords = List.of(1_000L);
    private Integer replicas;
    private int repetitions = 1;
    private Integer ratePerSecond;
    private final Map<String, String> appEnv = new LinkedHashMap<>();
    private Path outputDirectory;
    private boolean referenceRun;

    private RecoveryComparison(Path descriptor) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
    }

    /** A comparison of the app {@code descriptor} describes (docs/own-app.md, field by field). */
    public static RecoveryComparison of(Path descriptor) {
        return new RecoveryComparison(descriptor);
    }

    /** Where it runs: {@code LOCAL} (the app's jar, the default) or {@code DOCKER} (its image). */
    public RecoveryComparison on(PlatformKind platform) {
        this.platform = Objects.requireNonNull(platform, "platform");
        return this;
    }

    /** Both by default. */
    public RecoveryComparison variants(Variant... variants) {
        this.variants = List.of(variants);
        return this;
    }

    /** {@code POD_KILL} and {@code POD_DELETE} by default. */
    public RecoveryComparison faults(Fault... faults) {
        this.faults = List.of(faults);
        return this;
    }

    /** Exactly-once by default. */
    public RecoveryComparison guarantees(ProcessingGuarantee... guarantees) {
        this.guarantees = List.of(guarantees);
        return this;
    }

    /** Changelog records built before each fault, one cell each; 1,000 by default. */
    public RecoveryComparison stateRecords(long... records) {
        this.stateRecords = Arrays.stream(records).boxed().toList();
        return this;
    }

    /** Pods of each variant; {@code ./compare}'s default otherwise. */
    public RecoveryComparison replicas(int replicas) {
        this.replicas = replicas;
        return this;
    }

    /** Runs of each cell; 1 by default. */
    public RecoveryComparison repetitions(int repetitions) {
        this.repetitions = repetitions;
        return this;
    }

    /** The input's rate through every fault, in records a second: required, as {@code --rate} is with {@code --app}. */
    public RecoveryComparison ratePerSecond(int ratePerSecond) {
        this.ratePerSecond = ratePerSecond;
        return this;
    }

    /** A variable of the run over the descriptor's environment ({@code --app-env}). */
    public RecoveryComparison appEnv(String variable, String value) {
        appEnv.put(Objects.requireNonNull(variable, "variable"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Where the results, the report and the pods' logs go; {@code target/comparison-<time>} otherwise. */
    public RecoveryComparison outputDirectory(Path outputDirectory) {
        this.outputDirectory = outputDirectory;
        return this;
    }

    /**
     * Judges each run against a fault-free run of the app on the same platform, even where its descriptor names a
     * topology to drive ({@code --reference-run}); without a topology, that is the reference anyway.
     */
    public RecoveryComparison referenceRun() {
        this.referenceRun = true;
        return this;
    }

    /** Runs every cell, writes the report, and hands back what {@code ./compare} would have printed and exited with. */
    public ComparisonOutcome run() {
        Path output = (outputDirectory != null ? outputDirectory
                : Path.of("target", "comparison-" + System.currentTimeMillis())).toAbsolutePath();
        StringWriter printed = new StringWriter();
        int exit;
        try (PrintWriter writer = new PrintWriter(printed)) {
            exit = CompareCommand.commandLine(new CompareCommand()).setOut(writer).setErr(writer).execute(arguments(output)
                    .toArray(String[]::new));
        }
        Path results = output.resolve("results");
        return new ComparisonOutcome(exit, printed.toString(), output,
                Files.isDirectory(results) ? ResultFiles.readAll(results) : List.of());
    }

    /** The command line of {@code ./compare} this comparison is. */
    public List<String> arguments(Path output) {
        List<String> args = new ArrayList<>(List.of("--app", descriptor.toString(), "--platform", platform.toString(),
                "--variants", join(variants), "--faults", join(faults), "--guarantees",
                guarantees.stream().map(ProcessingGuarantee::setting).collect(Collectors.joining(",")),
                "--state-records", join(stateRecords), "--repetitions", Integer.toString(repetitions),
                "--output", output.toString()));
        if (replicas != null) {
            args.addAll(List.of("--replicas", replicas.toString()));
        }
        if (ratePerSecond != null) {
            args.addAll(List.of("--rate", ratePerSecond.toString()));
        }
        appEnv.forEach((variable, value) -> args.addAll(List.of("--app-env", variable + "=" + value)));
        if (referenceRun) {
            args.add("--reference-run");
        }
        return args;
    }

    private static String join(List<?> values) {
        return values.stream().map(value -> value instanceof Enum<?> e ? e.name() : value.toString())
                .collect(Collectors.joining(","));
    }
}
