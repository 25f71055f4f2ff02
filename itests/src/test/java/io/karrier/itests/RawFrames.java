package io.karrier.itests;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Speaks RocketMQ frames (REMOTING.md §1.1) over a plain socket, so container tests can call a
 * server without wiring the probe to Karrier's bundles.
 */
final class RawFrames {

    private RawFrames() {
    }

    /** Sends one request with a JSON header and no body; returns the response's JSON header. */
    static String call(String host, int port, String jsonHeader) throws IOException {
        byte[] header = jsonHeader.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(4 + header.length);
            out.writeInt(header.length);
            out.write(header);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int length = in.readInt();
            int headerLength = in.readInt() & 0xFFFFFF;
            byte[] response = new byte[length - 4];
            in.readFully(response);
            return new String(response, 0, headerLength, StandardCharsets.UTF_8);
        }
    }
}
