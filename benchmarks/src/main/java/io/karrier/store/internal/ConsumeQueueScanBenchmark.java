package io.karrier.store.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

import io.karrier.api.store.AppendRequest;
import io.karrier.api.store.AppendResult;
import io.karrier.api.store.AppendStatus;
import io.karrier.api.store.GetResult;
import io.karrier.api.store.GetStatus;
import io.karrier.api.store.MessageFilter;

/**
 * Read throughput of {@link LocalMessageStore#get} over a consume queue, as pulls use it: maxCount 32,
 * no tag filter, from a store pre-filled with 1,048,576 messages of 128 bytes in 4 queues (async
 * flush; the page cache is warm). Each reader walks its own queue 32 entries at a time, from the
 * start again at the end, and reads each returned record's size and magic code (the slices are not
 * copied). The score counts records: one invocation is one get of 32 records.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ConsumeQueueScanBenchmark {

    static final int MAX_COUNT = 32;
    static final int MESSAGES = 1 << 20;
    static final int BODY_BYTES = 128;
    private static final int PER_QUEUE = MESSAGES / BenchStores.QUEUES;

    @Param({"benchmarks/target"})
    String parent;

    private Path root;
    private LocalMessageStore store;
    private final AtomicInteger readers = new AtomicInteger();

    /** One per reader thread: its queue and position. */
    @State(Scope.Thread)
    public static class Reader {
        int queueId;
        long offset;

        @Setup
        public void setUp(ConsumeQueueScanBenchmark benchmark) {
            queueId = benchmark.readers.getAndIncrement() % BenchStores.QUEUES;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        BenchStores.quietLogs();
        root = BenchStores.newDirectory(parent, "scan-");
        store = BenchStores.open(root, "async");
        byte[] body = new byte[BODY_BYTES];
        long started = System.nanoTime();
        for (int i = 0; i < PER_QUEUE; i += MAX_COUNT) {
            List<CompletableFuture<AppendResult>> pending = new ArrayList<>();
            for (int queue = 0; queue < BenchStores.QUEUES; queue++) {
                List<AppendRequest> batch = new ArrayList<>(MAX_COUNT);
                for (int j = 0; j < MAX_COUNT; j++) {
                    batch.add(BenchStores.message(queue, body, String.format("7F000001%08X%016X", queue, i + j)));
                }
                pending.add(store.appendBatch(batch).toCompletableFuture());
            }
            for (CompletableFuture<AppendResult> append : pending) {
                AppendResult result = append.get(10, TimeUnit.SECONDS);
                if (result.status() != AppendStatus.PUT_OK) {
                    throw new IllegalStateException("fill append answered " + result);
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int queue = 0; queue < BenchStores.QUEUES; queue++) {
            while (store.maxOffset(BenchStores.TOPIC, queue) < PER_QUEUE) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("queue " + queue + " not dispatched in time");
                }
                Thread.sleep(10);
            }
        }
        System.out.printf("%nfilled %d messages (%d MiB of commit log) in %d ms, store in %s%n", MESSAGES,
                store.commitLogMaxOffset() >> 20, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), root);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            BenchStores.deleteTree(root);
        }
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(MAX_COUNT)
    public void oneReader(Reader reader, Blackhole sink) {
        scan(reader, sink);
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(MAX_COUNT)
    public void twoReaders(Reader reader, Blackhole sink) {
        scan(reader, sink);
    }

    private void scan(Reader reader, Blackhole sink) {
        try (GetResult result = store.get(BenchStores.TOPIC, reader.queueId, reader.offset, MAX_COUNT, 1 << 20,
                MessageFilter.ALL)) {
            if (result.status() != GetStatus.FOUND || result.records().records().size() != MAX_COUNT) {
                throw new IllegalStateException("get at " + reader.offset + " answered " + result.status());
            }
            for (ByteBuffer record : result.records().records()) {
                sink.consume(record.getInt(record.position()));
                sink.consume(record.getInt(record.position() + 4));
            }
            reader.offset = result.nextBeginOffset() == PER_QUEUE ? 0 : result.nextBeginOffset();
        }
    }
}
