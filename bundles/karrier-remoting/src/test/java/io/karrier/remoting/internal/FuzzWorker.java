package io.karrier.remoting.internal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.protocol.FrameCodec;
import io.karrier.protocol.MalformedFrameException;
import io.karrier.protocol.SerializeType;
import io.karrier.remoting.internal.FuzzStreamModel.End;
import io.karrier.remoting.internal.FuzzStreamModel.Expected;
import io.karrier.remoting.internal.FuzzStreamModel.Prediction;

/**
 * One fuzzing connection at a time, in lock step: writes a batch of generated frames, then reads
 * until the server has done what {@link FuzzStreamModel} predicts (answered every request, or closed
 * the connection, or idled it out), and fails with the batch's bytes if it does anything else.
 * Reconnects whenever the connection closes. Every wait is bounded by the socket timeout.
 */
final class FuzzWorker implements Callable<Void> {

    /** Longest wait for one response or for a close; far above what a healthy server needs. */
    private static final int SOCKET_TIMEOUT_MILLIS = 6_000;
    /** Batches after which a worker stalls in the middle of a frame to see the idle timeout close it. */
    private static final int[] STALL_BATCHES = {20, 200};

    private final int id;
    private final String repro;
    private final InetSocketAddress address;
    private final FuzzFrames generator;
    private final FuzzStreamModel model;
    private final FuzzStats stats;
    private final int idleSeconds;
    private final int maxFrameBytes;

    private Socket socket;
    private DataInputStream in;
    private OutputStream out;
    private long lastActivityNanos;
    private int batch;

    FuzzWorker(int id, long seed, String repro, InetSocketAddress address, FuzzStats stats, int maxFrameBytes,
            int idleSeconds) {
        this.id = id;
        this.repro = repro;
        this.address = address;
        this.generator = new FuzzFrames(seed * 31 + id, id, maxFrameBytes);
        this.model = new FuzzStreamModel(maxFrameBytes);
        this.stats = stats;
        this.idleSeconds = idleSeconds;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public Void call() throws IOException {
        try {
            while (stats.more()) {
                runBatch();
            }
        } catch (RuntimeException | Error | IOException e) {
            stats.stop();
            throw e;
        } finally {
            abort();
        }
        return null;
    }

    private void runBatch() throws IOException {
        batch++;
        if (socket == null) {
            connect();
        }
        boolean stall = batch == STALL_BATCHES[0] || batch == STALL_BATCHES[1];
        List<FuzzFrames.Frame> frames = stall ? generator.stall() : generator.batch();
        int[] ends = new int[frames.size()];
        ByteBuffer joined = ByteBuffer.allocate(frames.stream().mapToInt(f -> f.bytes().length).sum());
        for (int i = 0; i < frames.size(); i++) {
            joined.put(frames.get(i).bytes());
            ends[i] = joined.position();
        }
        byte[] stream = joined.array();
        Prediction prediction = model.predict(stream);
        // On a close, send up to the end of the generated frame holding the fatal bytes: the rest is never read.
        int cut = stream.length;
        int sent = frames.size();
        if (prediction.end() == End.CLOSED) {
            sent = 0;
            while (ends[sent] < prediction.stopOffset()) {
                sent++;
            }
            cut = ends[sent++];
        }
        for (int i = 0; i < sent; i++) {
            stats.thrown(frames.get(i).kind());
        }
        if (prediction.anomaly() != null) {
            stats.count("anomaly " + prediction.anomaly());
        }
        int sentFrames = sent;
        int written = cut;
        Object context = new Object() {
            @Override
            public String toString() {
                return context(frames, sentFrames, stream, written, prediction);
            }
        };
        if (!write(stream, cut) && prediction.end() != End.CLOSED) {
            unexpectedClose(prediction.responses().size(), context);
            return;
        }
        switch (prediction.end()) {
            case OPEN -> {
                if (!awaitResponses(prediction.responses(), context)) {
                    return;
                }
                if (generator.random().nextInt(64) == 0) {
                    stats.count("client reset after a clean batch");
                    abort();
                }
            }
            case INCOMPLETE -> {
                if (!awaitResponses(prediction.responses(), context)) {
                    return;
                }
                if (stall) {
                    awaitIdleClose(context);
                } else if (generator.random().nextInt(5) == 0) {
                    stats.count("client half-close inside a frame");
                    socket.shutdownOutput();
                    awaitClose(List.of(), "close after the client's half-close", context);
                } else {
                    stats.count("client reset inside a frame");
                    abort();
                }
            }
            case CLOSED -> awaitClose(prediction.responses(), "close after a bad frame", context);
        }
    }

    /** @return false if the server closed the connection (tolerated only as an idle expiry) */
    private boolean write(byte[] stream, int length) {
        try {
            out.write(stream, 0, length);
            out.flush();
            lastActivityNanos = System.nanoTime();
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** Reads until every expected response arrived; returns false after a tolerated idle close. */
    private boolean awaitResponses(List<Expected> expected, Object context) throws IOException {
        Map<Integer, List<Expected>> owed = owed(expected);
        int remaining = expected.size();
        while (remaining > 0) {
            Response response = read(context);
            if (response == null) {
                unexpectedClose(remaining, context);
                return false;
            }
            match(owed, response, context);
            remaining--;
            stats.count("responses verified");
        }
        return true;
    }

    /** Reads until the server closes; responses to requests before the bad frame may come first. */
    private void awaitClose(List<Expected> optional, String what, Object context) throws IOException {
        Map<Integer, List<Expected>> owed = owed(optional);
        long start = lastActivityNanos;
        Response response;
        while ((response = read(context)) != null) {
            match(owed, response, context);
            stats.count("responses verified");
        }
        stats.count("verified " + what);
        stats.max("slowest " + what + " (ms)", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        abort();
    }

    private void awaitIdleClose(Object context) throws IOException {
        long start = lastActivityNanos;
        Response response = read(context);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (response != null) {
            throw new AssertionError("Unexpected response " + response + " while stalled in a frame; " + context);
        }
        if (millis < idleSeconds * 1000L / 2) {
            throw new AssertionError("Server closed a stalled connection after " + millis + " ms, before its idle time of "
                    + idleSeconds + " s; " + context);
        }
        stats.count("verified idle close of a half frame");
        stats.max("slowest idle close (ms)", millis);
        abort();
    }

    /**
     * The server may close a connection on which nothing moved for its idle time; anything sooner
     * means it dropped requests it owed an answer.
     */
    private void unexpectedClose(int remaining, Object context) {
        long quietMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastActivityNanos);
        if (quietMillis < idleSeconds * 1000L - 500) {
            throw new AssertionError("Server closed the connection " + quietMillis + " ms after the last traffic with "
                    + remaining + " responses owed; " + context);
        }
        stats.count("tolerated idle close with responses owed");
        abort();
    }

    private record Response(RemotingCommand command, SerializeType type, byte[] frame) {
        @Override
        public String toString() {
            return command + " (" + type + ", frame " + FuzzFrames.hex(frame, 128) + ")";
        }
    }

    /** @return the next response, or {@code null} once the server closed the connection */
    private Response read(Object context) throws IOException {
        try {
            int length = in.readInt();
            if (length < 4 || length > 2 * maxFrameBytes) {
                throw new AssertionError("Server sent a frame length of " + length + "; " + context);
            }
            byte[] frame = new byte[length];
            in.readFully(frame);
            lastActivityNanos = System.nanoTime();
            ByteBuffer bytes = ByteBuffer.wrap(frame);
            return new Response(FrameCodec.decode(bytes), FrameCodec.serializeType(bytes), frame);
        } catch (EOFException | SocketException closed) {
            return null;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("Server neither answered nor closed within " + SOCKET_TIMEOUT_MILLIS + " ms; "
                    + context, e);
        } catch (MalformedFrameException e) {
            throw new AssertionError("Server sent a frame that does not decode: " + e.getMessage() + "; " + context, e);
        }
    }

    private static Map<Integer, List<Expected>> owed(List<Expected> expected) {
        Map<Integer, List<Expected>> owed = new HashMap<>();
        expected.forEach(e -> owed.computeIfAbsent(e.opaque(), o -> new ArrayList<>()).add(e));
        return owed;
    }

    private static void match(Map<Integer, List<Expected>> owed, Response response, Object context) {
        List<Expected> candidates = owed.getOrDefault(response.command().opaque(), List.of());
        List<String> mismatches = new ArrayList<>();
        for (Expected candidate : candidates) {
            String mismatch = candidate.mismatch(response.command(), response.type());
            if (mismatch == null) {
                candidates.remove(candidate);
                return;
            }
            mismatches.add(mismatch);
        }
        throw new AssertionError("Unexpected response " + response + (mismatches.isEmpty()
                ? ": no request with that opaque was owed an answer" : ": " + mismatches) + "; " + context);
    }

    private void connect() throws IOException {
        socket = new Socket();
        // Reset on close (no TIME_WAIT on our side), so thousands of reconnects do not exhaust ports.
        socket.setSoLinger(true, 0);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
        socket.connect(address, SOCKET_TIMEOUT_MILLIS);
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        out = socket.getOutputStream();
        lastActivityNanos = System.nanoTime();
        stats.count("connections");
    }

    private void abort() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
            socket = null;
        }
    }

    private String context(List<FuzzFrames.Frame> frames, int sent, byte[] stream, int cut, Prediction prediction) {
        StringBuilder context = new StringBuilder(repro).append(", worker ").append(id).append(", batch ").append(batch)
                .append("; predicted ").append(prediction.end())
                .append(prediction.reason() == null ? "" : " (" + prediction.reason() + ")")
                .append(" with ").append(prediction.responses().size()).append(" responses owed; frames sent:");
        for (int i = 0; i < sent; i++) {
            FuzzFrames.Frame frame = frames.get(i);
            context.append("\n  ").append(frame.kind()).append(' ').append(FuzzFrames.hex(frame.bytes(), 160));
        }
        return context.append("\n  (").append(cut).append(" of ").append(stream.length).append(" bytes written)")
                .toString();
    }
}
