package dev.streamsmustflow.tradestats;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.streamsmustflow.telemetry.instance.InstanceStatus;
import dev.streamsmustflow.telemetry.instance.Readiness;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The HTTP endpoints: {@code /live} (200 unless Kafka Streams died), {@code /ready} (200 only when
 * RUNNING, owning active tasks and not restoring) and {@code /status} (JSON). Every answer is JSON.
 */
public final class HealthServer implements AutoCloseable {

    private final HttpServer server;

    private HealthServer(HttpServer server) {
        this.server = server;
    }

    public static HealthServer start(int port, InstanceStatus status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 16);
        server.createContext("/live", exchange -> answer(exchange,
                () -> status.live() ? 200 : 503, () -> Map.of("live", status.live(), "state", status.state().name())));
        server.createContext("/ready", exchange -> {
            Readiness readiness = status.readiness();
            answer(exchange, () -> readiness.ready() ? 200 : 503,
                    () -> Map.of("ready", readiness.ready(), "reason", readiness.reason()));
        });
        server.createContext("/status", exchange -> answer(exchange, () -> 200, status::snapshot));
        server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "health-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return new HealthServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, Supplier<Integer> code, Supplier<Map<String, Object>> body)
            throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] json = JsonSerde.MAPPER.writeValueAsBytes(body.get());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(code.get(), head ? -1 : json.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(json);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
