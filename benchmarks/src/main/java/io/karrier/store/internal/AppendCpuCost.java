package io.karrier.store.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import com.sun.management.OperatingSystemMXBean;

import io.karrier.api.store.AppendResult;
import io.karrier.api.store.AppendStatus;

/**
 * CPU time per append of {@link LocalMessageStore}, by thread: a figure that, unlike ops/s, hardly
 * moves when other work shares the cores. Not JMH: appenders (each waiting for its append, as in
 * {@link StoreAppendBenchmark}) write {@code appends} messages of 1 KiB after 100,000 for warm-up, into
 * a new store per round under {@code parent}; it prints ops/s, process CPU per append, the appenders'
 * own CPU per append, and that of each store thread. Later rounds reuse the page-cache pages the
 * earlier rounds' deleted stores freed, which on a VM makes fresh pages far cheaper: compare rounds
 * with rounds.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.karrier.store.internal.AppendCpuCost
 * [warmAheadBytes (16777216)] [appends (1500000)] [appenders (1)] [async|sync (async)] [rounds (2)]
 * [parent (benchmarks/target)]}.
 */
public final class AppendCpuCost {

    private static final int BODY_BYTES = 1024;
    private static final int WARM_UP_APPENDS = 100_000;

    private AppendCpuCost() {
    }

    public static void main(String[] args) throws Exception {
        int warmAhead = args.length > 0 ? Integer.parseInt(args[0]) : StoreSettings.DEFAULT_WARM_AHEAD_BYTES;
        long appends = args.length > 1 ? Long.parseLong(args[1]) : 1_500_000;
        int appenders = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        String strategy = args.length > 3 ? args[3] : "async";
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        String parent = args.length > 5 ? args[5] : "benchmarks/target";
        BenchStores.quietLogs();
        for (int round = 1; round <= rounds; round++) {
            Path root = BenchStores.newDirectory(parent, "cpu-cost-");
            try (LocalMessageStore store = BenchStores.open(root, strategy, warmAhead)) {
                measure(store, round, warmAhead, appends, appenders, strategy);
            } finally {
                BenchStores.deleteTree(root);
            }
        }
    }

    private static void measure(LocalMessageStore store, int round, int warmAhead, long appends, int appenders,
            String strategy) throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        append(store, WARM_UP_APPENDS, appenders, "w", threads);
        Map<String, Long> before = cpuByThreadName(threads);
        long processBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        long appenderCpu = append(store, appends, appenders, "m", threads);
        double seconds = (System.nanoTime() - started) / 1e9;
        long processCpu = os.getProcessCpuTime() - processBefore;
        Map<String, Long> after = cpuByThreadName(threads);
        long recordBytes = store.commitLogMaxOffset() / (WARM_UP_APPENDS + appends);
        System.out.printf("round %d, %s, %d appender(s), warm-ahead %d: %.0f appends/s, %.1f MiB/s; CPU per append:"
                + " process %.2f us, appenders %.2f us%n", round, strategy, appenders, warmAhead, appends / seconds,
                appends * recordBytes / seconds / (1 << 20), processCpu / 1e3 / appends, appenderCpu / 1e3 / appends);
        StringBuilder line = new StringBuilder("  store threads, us per append:");
        after.forEach((name, cpu) -> {
            long used = cpu - before.getOrDefault(name, 0L);
            if (name.startsWith("karrier-") && used > 0) {
                line.append(String.format(" %s %.2f", name, used / 1e3 / appends));
            }
        });
        System.out.println(line);
    }

    /** Thread CPU summed by name without its trailing number. */
    private static Map<String, Long> cpuByThreadName(ThreadMXBean threads) {
        Map<String, Long> cpu = new TreeMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long used = threads.getThreadCpuTime(id);
            if (info != null && used > 0) {
                cpu.merge(info.getThreadName().replaceAll("-?[0-9]+$", ""), used, Long::sum);
            }
        }
        return cpu;
    }

    /** @return the appender threads' CPU time, ns */
    private static long append(LocalMessageStore store, long count, int appenders, String tag, ThreadMXBean threads)
            throws InterruptedException {
        byte[] body = new byte[BODY_BYTES];
        long[] cpu = new long[1];
        Thread[] running = new Thread[appenders];
        for (int t = 0; t < appenders; t++) {
            int id = t;
            running[t] = new Thread(() -> {
                long start = threads.getCurrentThreadCpuTime();
                for (long i = id; i < count; i += appenders) {
                    AppendResult result = store.append(BenchStores.message((int) (i % BenchStores.QUEUES), body,
                            "7F000001" + tag + id + "-" + Long.toHexString(i))).toCompletableFuture().join();
                    if (result.status() != AppendStatus.PUT_OK) {
                        throw new IllegalStateException("append answered " + result);
                    }
                }
                synchronized (cpu) {
                    cpu[0] += threads.getCurrentThreadCpuTime() - start;
                }
            }, "appender-" + t);
            running[t].start();
        }
        for (Thread thread : running) {
            thread.join();
        }
        return cpu[0];
    }
}
