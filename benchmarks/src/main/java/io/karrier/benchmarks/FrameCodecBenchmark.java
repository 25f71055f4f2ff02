package io.karrier.benchmarks;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.protocol.FrameCodec;
import io.karrier.protocol.MalformedFrameException;
import io.karrier.protocol.SerializeType;

/**
 * Encodes and decodes a SEND_MESSAGE_V2 request with a 128-byte body, in both header serialize
 * types, with {@link FrameCodec}: the per-frame cost of the codec on the send path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FrameCodecBenchmark {

    @Param({"JSON", "ROCKETMQ"})
    public String serializeType;

    private SerializeType type;
    private RemotingCommand command;
    /** A frame without its length prefix, as the server's frame decoder hands it on. */
    private ByteBuffer frame;

    @Setup
    public void setUp() {
        type = SerializeType.valueOf(serializeType);
        command = SendMessageV2.request(128);
        ByteBuffer whole = FrameCodec.encode(command, type);
        frame = whole.position(4).slice();
    }

    @Benchmark
    public ByteBuffer encode() {
        return FrameCodec.encode(command, type);
    }

    @Benchmark
    public RemotingCommand decode() throws MalformedFrameException {
        return FrameCodec.decode(frame);
    }
}
