package io.karrier.store.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import io.karrier.api.store.AppendResult;
import io.karrier.api.store.AppendStatus;

/**
 * Append throughput of {@link LocalMessageStore} under the real async and sync flush strategies with
 * their shipped defaults, for 1, 8 and 32 appenders. Each appender sends one message and waits until
 * its append completes, that is until it is in the page cache (async) or covered by a force (sync),
 * as a producer's SEND_MESSAGE does; so with sync flush only group commit lets 32 appenders go faster
 * than one. Appenders spread over 4 queues of one topic; every record also gets a key-index entry
 * (its unique key) and a consume-queue entry from the dispatcher, which runs on its own thread.
 *
 * <p>A new store per trial in a fresh directory under {@code parent} (keep it on the disk you mean to
 * measure), 1 GiB segments, deleted at the end of the trial. The record size on disk (body plus
 * header, topic and properties) is printed at set-up: multiply it by ops/s for bytes per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StoreAppendBenchmark {

    @Param({"128", "1024"})
    int bodyBytes;

    @Param({"async", "sync"})
    String strategy;

    @Param({"benchmarks/target"})
    String parent;

    /** The store's commit-log warm-ahead in bytes; the shipped default is 16 MiB, 0 turns it off. */
    @Param({"16777216"})
    int warmAheadBytes;

    private Path root;
    private LocalMessageStore store;
    private byte[] body;
    private final AtomicInteger appenders = new AtomicInteger();

    /** One per appender thread: its queue and its unique-key counter. */
    @State(Scope.Thread)
    public static class Appender {
        int queueId;
        String keyPrefix;
        long sequence;

        @Setup
        public void setUp(StoreAppendBenchmark benchmark) {
            int id = benchmark.appenders.getAndIncrement();
            queueId = id % BenchStores.QUEUES;
            keyPrefix = String.format("7F000001%08X", id);
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        BenchStores.quietLogs();
        body = new byte[bodyBytes];
        root = BenchStores.newDirectory(parent, "append-");
        store = BenchStores.open(root, strategy, warmAheadBytes);
        long before = store.commitLogMaxOffset();
        AppendResult first = store.append(BenchStores.message(0, body, "7F000001FFFFFFFF0000000000000000"))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        if (first.status() != AppendStatus.PUT_OK) {
            throw new IllegalStateException("first append answered " + first);
        }
        System.out.printf("%nrecord size on disk: %d bytes (%d-byte body), store in %s%n",
                store.commitLogMaxOffset() - before, bodyBytes, root);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try {
            if (store != null) {
                System.out.printf("%ncommit log written: %d MiB%n", store.commitLogMaxOffset() >> 20);
                store.close();
            }
        } finally {
            BenchStores.deleteTree(root);
        }
    }

    @Benchmark
    @Threads(1)
    public AppendResult appenders1(Appender appender) {
        return append(appender);
    }

    @Benchmark
    @Threads(8)
    public AppendResult appenders8(Appender appender) {
        return append(appender);
    }

    @Benchmark
    @Threads(32)
    public AppendResult appenders32(Appender appender) {
        return append(appender);
    }

    private AppendResult append(Appender appender) {
        String key = appender.keyPrefix + Long.toHexString(appender.sequence++);
        AppendResult result = store.append(BenchStores.message(appender.queueId, body, key)).toCompletableFuture().join();
        if (result.status() != AppendStatus.PUT_OK) {
            throw new IllegalStateException("append answered " + result);
        }
        return result;
    }
}
