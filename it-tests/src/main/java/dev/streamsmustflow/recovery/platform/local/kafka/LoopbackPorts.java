package dev.streamsmustflow.recovery.platform.local.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Free TCP ports on 127.0.0.1. Nothing here listens on any other address. */
final class LoopbackPorts {

    static final String HOST = "127.0.0.1";
    private static final int CONNECT_TIMEOUT_MILLIS = 200;

    // Not InetAddress.getLoopbackAddress(): that becomes ::1 when IPv6 is preferred, and the
    // broker's listeners are written for 127.0.0.1.
    static final InetAddress LOOPBACK = ipv4Loopback();

    private LoopbackPorts() {
    }

    /**
     * Ports that were free a moment ago. All sockets are open at once so the ports are distinct;
     * they are closed before returning, and someone else may take a port before we bind it again.
     */
    static List<Integer> pickFree(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, LOOPBACK));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + LOOPBACK, e);
        } finally {
            sockets.forEach(LoopbackPorts::closeQuietly);
        }
    }

    /** True when something accepts TCP connections on the port. */
    static boolean isAccepting(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static InetAddress ipv4Loopback() {
        try {
            return InetAddress.getByAddress(HOST, new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Only a port number was needed.
        }
    }
}
