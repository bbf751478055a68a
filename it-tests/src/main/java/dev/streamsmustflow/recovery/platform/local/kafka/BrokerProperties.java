package dev.streamsmustflow.recovery.platform.local.kafka;

import dev.streamsmustflow.recovery.platform.StreamsGroupLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** server.properties of a single-node KRaft broker (combined broker and controller) on loopback. */
record BrokerProperties(int clientPort, int controllerPort, Path logDir) {

    /**
     * Settings that do not depend on ports or paths. Internal topics need replication factor 1 and
     * min ISR 1 on one broker, or transactions and share groups fail to find enough replicas.
     */
    private static final Map<String, String> SINGLE_NODE = orderedMap(
            "process.roles", "broker,controller",
            "node.id", "1",
            "controller.listener.names", "CONTROLLER",
            "inter.broker.listener.name", "PLAINTEXT",
            "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "offsets.topic.replication.factor", "1",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "share.coordinator.state.topic.replication.factor", "1",
            "share.coordinator.state.topic.min.isr", "1",
            "default.replication.factor", "1",
            "min.insync.replicas", "1",
            // Already the 4.4 default; stated because group.protocol=streams depends on it.
            "group.coordinator.rebalance.protocols", "classic,consumer,streams",
            // Only a group's very first rebalance waits for it (3 s by default): pods deployed together join within
            // a second, and one rebalance then spreads the tasks where, without it, each join rebalanced again (three
            // rounds, about 5 s more per deployment). No recovery waits for it: a group with members, alive or dead,
            // is never empty.
            "group.initial.rebalance.delay.ms", "1000",
            // A scenario creates its topics; a misspelt name must fail, not get a 1-partition topic.
            "auto.create.topics.enable", "false");

    String bootstrapServers() {
        return LoopbackPorts.HOST + ":" + clientPort;
    }

    String controllerEndpoint() {
        return LoopbackPorts.HOST + ":" + controllerPort;
    }

    Map<String, String> asMap() {
        Map<String, String> all = new LinkedHashMap<>(SINGLE_NODE);
        all.putAll(new TreeMap<>(StreamsGroupLimits.BROKER_PROPERTIES));
        all.put("listeners", "PLAINTEXT://" + bootstrapServers() + ",CONTROLLER://" + controllerEndpoint());
        all.put("advertised.listeners", "PLAINTEXT://" + bootstrapServers());
        // A dynamic quorum (formatted with --standalone) takes bootstrap servers, not voters.
        all.put("controller.quorum.bootstrap.servers", controllerEndpoint());
        all.put("log.dirs", logDir.toAbsolutePath().toString());
        return all;
    }

    Path writeTo(Path file) {
        // Properties.load reads a backslash as an escape; nothing else in these values needs one.
        String text = asMap().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
