package io.karrier.itests.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback ports nobody listens on at the moment of asking. */
final class FreePorts {

    private static final int ATTEMPTS = 50;

    private FreePorts() {
    }

    static int any() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A free port whose "VIP" companion (port - 2, where RocketMQ brokers also listen and clients
     * with {@code vipChannelEnabled} send) is free too.
     */
    static int withVipCompanion() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = any();
            if (port > 1026 && isFree(port - 2)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port p with p - 2 free after " + ATTEMPTS + " attempts");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
