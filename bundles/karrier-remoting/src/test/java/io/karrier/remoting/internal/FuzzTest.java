package io.karrier.remoting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.util.converter.Converters;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RemotingServer;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.protocol.FrameCodec;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.SerializeType;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.internal.PlatformDependent;

/**
 * Throws at least {@value #TARGET_FRAMES} random and mutated frames at a running server from
 * {@value #WORKERS} concurrent plain-socket connections (see {@link FuzzFrames} for the mix), checks
 * every reaction against {@link FuzzStreamModel} (each request answered, each bad frame answered by a
 * close, each stalled half frame closed by the idle timeout), and then checks that the server still
 * answers, that its pooled memory is back near where it started, and that Netty's leak detector, at
 * PARANOID for the whole run, reported no unreleased buffer.
 *
 * <p>The seed is fixed so that a failure can be replayed; every failure message names it, and
 * {@code -Dkarrier.fuzz.seed=N} runs another one.
 */
class FuzzTest {

    private static final long DEFAULT_SEED = 0x4B617272L;
    private static final int TARGET_FRAMES = 100_000;
    private static final int WORKERS = 8;
    private static final int MAX_FRAME_BYTES = 1 << 20;
    private static final int IDLE_SECONDS = 2;
    /** The fuzzing stops here even short of its target (and then fails): the test stays well under a minute. */
    private static final Duration FUZZ_BUDGET = Duration.ofSeconds(40);
    private static final Duration SETTLE_BUDGET = Duration.ofSeconds(10);

    /**
     * Live buffers (pinned memory) may differ from the baseline by a few in-flight allocations of the
     * allocator's own threads, never by the buffers of thousands of closed connections.
     */
    private static final long PINNED_TOLERANCE = 64 * 1024;

    private static final RequestProcessor ECHO = (channel, request) -> CompletableFuture.completedFuture(
            RemotingCommand.response(ResponseCode.SUCCESS, null).extFields(request.extFields()).body(request.bodyBytes()));

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void serverSurvivesRandomAndMalformedFramesWithoutLeaking() throws Exception {
        // One WARN line per closed connection is the server's design, but thousands of them cost more
        // than the fuzzing; slf4j-simple reads a logger's level when the logger is created.
        System.setProperty("org.slf4j.simpleLogger.log." + ConnectionGuard.class.getName(), "error");
        long seed = Long.getLong("karrier.fuzz.seed", DEFAULT_SEED);
        String repro = "seed " + seed + " (replay with -Dkarrier.fuzz.seed=" + seed + ")";
        ResourceLeakDetector.Level previousLevel = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        FuzzLeaks leaks = FuzzLeaks.install();
        NettyServerFactory factory = new NettyServerFactory(config());
        RemotingServer server = null;
        try {
            System.out.println("Leaking one buffer on purpose: the LEAK report naming FuzzLeaks.leakOneBuffer is expected");
            FuzzLeaks.leakOneBuffer();
            assertThat(leaks.collect(100, leaks::any))
                    .as("the leak detector reports a buffer leaked on purpose, so it would report the server's")
                    .isNotEmpty();
            leaks.clear();

            factory.addProcessor(ECHO, Map.of(RequestProcessor.SERVER, "fuzz", RequestProcessor.REQUEST_CODE,
                    FuzzStreamModel.ECHO_CODE));
            server = factory.start("fuzz", new InetSocketAddress("127.0.0.1", 0));
            InetSocketAddress address = server.localAddress();
            for (int i = 0; i < 3; i++) {
                assertEcho(address, SerializeType.JSON, repro);
                assertEcho(address, SerializeType.ROCKETMQ, repro);
            }
            Memory baseline = Memory.settled();

            long start = System.nanoTime();
            FuzzStats stats = fuzz(address, seed, repro);
            long fuzzMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println("Fuzzed " + address + " for " + fuzzMillis + " ms with " + repro + "\n" + stats.summary());

            assertThat(stats.thrown()).as("frames thrown within %s; %s", FUZZ_BUDGET, repro)
                    .isGreaterThanOrEqualTo(TARGET_FRAMES);
            assertThat(stats.get("responses verified")).as(repro).isGreaterThan(TARGET_FRAMES / 4);
            assertThat(stats.get("verified close after a bad frame")).as(repro).isGreaterThan(1_000);
            assertThat(stats.get("verified idle close of a half frame")).as(repro).isGreaterThanOrEqualTo(WORKERS);
            assertThat(stats.get("tolerated idle close with responses owed"))
                    .as("connections the server let idle out while it owed answers; %s", repro).isLessThanOrEqualTo(2);

            for (int i = 0; i < 3; i++) {
                assertEcho(address, SerializeType.JSON, repro);
                assertEcho(address, SerializeType.ROCKETMQ, repro);
            }

            Memory after = Memory.awaitNear(baseline, SETTLE_BUDGET);
            System.out.println("Pooled memory before " + baseline + ", after " + after);
            assertThat(after.pinnedDirect() + after.pinnedHeap())
                    .as("bytes in live pooled buffers after every connection closed, baseline %s; %s", baseline, repro)
                    .isLessThanOrEqualTo(baseline.pinnedDirect() + baseline.pinnedHeap() + PINNED_TOLERANCE);
            assertThat(after.usedDirect()).as("pooled direct memory, baseline %s; %s", baseline, repro)
                    .isLessThanOrEqualTo(baseline.usedDirect() + Memory.usedTolerance());
            assertThat(after.usedHeap()).as("pooled heap memory, baseline %s; %s", baseline, repro)
                    .isLessThanOrEqualTo(baseline.usedHeap() + Memory.usedTolerance());
            if (baseline.platformDirect() >= 0) {
                assertThat(after.platformDirect()).as("Netty's direct memory counter, baseline %s; %s", baseline, repro)
                        .isLessThanOrEqualTo(baseline.platformDirect() + Memory.usedTolerance());
            }

            assertThat(leaks.collect(5, () -> false)).as("ByteBuf leaks reported by Netty; %s", repro).isEmpty();
        } finally {
            if (server != null) {
                server.close();
            }
            factory.deactivate();
            leaks.uninstall();
            ResourceLeakDetector.setLevel(previousLevel);
        }
    }

    private static FuzzStats fuzz(InetSocketAddress address, long seed, String repro) throws InterruptedException {
        FuzzStats stats = new FuzzStats(TARGET_FRAMES, System.nanoTime() + FUZZ_BUDGET.toNanos());
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int id = 0; id < WORKERS; id++) {
                results.add(workers.submit(
                        new FuzzWorker(id, seed, repro, address, stats, MAX_FRAME_BYTES, IDLE_SECONDS)));
            }
            for (Future<Void> result : results) {
                try {
                    result.get(FUZZ_BUDGET.toSeconds() + 20, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    stats.stop();
                    throw e.getCause() instanceof AssertionError failure ? failure
                            : new AssertionError("Fuzz worker failed; " + repro, e.getCause());
                } catch (java.util.concurrent.TimeoutException e) {
                    stats.stop();
                    throw new AssertionError("Fuzz worker hung; " + repro, e);
                }
            }
        } finally {
            workers.shutdownNow();
        }
        return stats;
    }

    /** Sends one echo request on a fresh connection and checks the answer field by field. */
    private static void assertEcho(InetSocketAddress address, SerializeType type, String repro) throws Exception {
        byte[] body = ("fresh echo " + type).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RemotingCommand request = RemotingCommand.request(FuzzStreamModel.ECHO_CODE).opaque(424242).version(407)
                .putExtField("b", "TopicTest").putExtField("a", "group").body(body);
        try (Socket socket = new Socket()) {
            socket.setSoLinger(true, 0);
            socket.setSoTimeout(5_000);
            socket.connect(address, 5_000);
            socket.getOutputStream().write(FuzzFrames.wire(request, type));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] frame = new byte[in.readInt()];
            in.readFully(frame);
            RemotingCommand response = FrameCodec.decode(ByteBuffer.wrap(frame));
            assertThat(FrameCodec.serializeType(ByteBuffer.wrap(frame))).as(repro).isEqualTo(type);
            assertThat(response.isResponse()).as(repro).isTrue();
            assertThat(response.opaque()).as(repro).isEqualTo(424242);
            assertThat(response.code()).as("response code, remark %s; %s", response.remark(), repro)
                    .isEqualTo(ResponseCode.SUCCESS);
            assertThat(response.extFields()).as(repro).isEqualTo(Map.of("a", "group", "b", "TopicTest"));
            assertThat(response.bodyBytes()).as(repro).isEqualTo(body);
        }
    }

    private static RemotingConfig config() {
        return Converters.standardConverter().convert(Map.of(
                "maxFrameBytes", MAX_FRAME_BYTES,
                "channelMaxIdleSeconds", IDLE_SECONDS)).to(RemotingConfig.class);
    }

    /** The pooled allocator's memory, as the server's buffers come from it. */
    record Memory(long usedDirect, long usedHeap, long pinnedDirect, long pinnedHeap, long platformDirect) {

        static Memory now() {
            PooledByteBufAllocator pool = PooledByteBufAllocator.DEFAULT;
            return new Memory(pool.metric().usedDirectMemory(), pool.metric().usedHeapMemory(),
                    pool.pinnedDirectMemory(), pool.pinnedHeapMemory(), PlatformDependent.usedDirectMemory());
        }

        /**
         * The pool reserves memory a chunk at a time and keeps chunks that its threads' caches still
         * hold pieces of, so reserved memory does not drop back to the byte after a load: allow two
         * chunks per arena. A leak of the buffers of even a small share of the run's thousands of
         * connections (up to a 1 MiB accumulation buffer each) is far beyond that.
         */
        static long usedTolerance() {
            PooledByteBufAllocator pool = PooledByteBufAllocator.DEFAULT;
            return 2L * pool.metric().chunkSize() * Math.max(pool.metric().numDirectArenas(), pool.metric().numHeapArenas());
        }

        static Memory settled() throws InterruptedException {
            Thread.sleep(200);
            return now();
        }

        /** @return the first reading near the baseline, or the last one when the time is up */
        static Memory awaitNear(Memory baseline, Duration budget) throws InterruptedException {
            long deadline = System.nanoTime() + budget.toNanos();
            Memory memory = now();
            while (!memory.near(baseline) && System.nanoTime() - deadline < 0) {
                Thread.sleep(100);
                memory = now();
            }
            return memory;
        }

        private boolean near(Memory baseline) {
            return pinnedDirect + pinnedHeap <= baseline.pinnedDirect + baseline.pinnedHeap + PINNED_TOLERANCE
                    && usedDirect <= baseline.usedDirect + usedTolerance()
                    && usedHeap <= baseline.usedHeap + usedTolerance();
        }

        @Override
        public String toString() {
            return "[used direct " + usedDirect + ", used heap " + usedHeap + ", pinned direct " + pinnedDirect
                    + ", pinned heap " + pinnedHeap + ", Netty direct counter " + platformDirect + "]";
        }
    }
}
