package io.karrier.remoting.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.karrier.api.remoting.ProcessorFamily;

/**
 * One fixed-size pool with a bounded queue per processor family. A full queue rejects at once
 * ({@link java.util.concurrent.RejectedExecutionException}), which the server answers SYSTEM_BUSY:
 * work never piles up without bound.
 */
final class BusinessPools implements AutoCloseable {

    /** Threads and queue capacity of one family's pool. */
    record Size(int threads, int queueCapacity) {
        Size {
            if (threads < 1 || queueCapacity < 1) {
                throw new IllegalArgumentException("a pool needs at least 1 thread and a queue of at least 1");
            }
        }
    }

    private final Map<ProcessorFamily, ThreadPoolExecutor> pools = new EnumMap<>(ProcessorFamily.class);

    BusinessPools(Map<ProcessorFamily, Size> sizes) {
        for (ProcessorFamily family : ProcessorFamily.values()) {
            Size size = sizes.get(family);
            String prefix = "karrier-" + family.name().toLowerCase() + "-";
            AtomicInteger index = new AtomicInteger();
            pools.put(family, new ThreadPoolExecutor(size.threads(), size.threads(), 60, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(size.queueCapacity()),
                    runnable -> new Thread(runnable, prefix + index.incrementAndGet()),
                    new ThreadPoolExecutor.AbortPolicy()));
        }
    }

    Executor executor(ProcessorFamily family) {
        return pools.get(family);
    }

    /**
     * Changes each pool's thread count while it runs. Queue capacities are fixed when a pool is made.
     *
     * @return the families whose requested queue capacity differs from the one in force
     */
    List<ProcessorFamily> resize(Map<ProcessorFamily, Size> sizes) {
        List<ProcessorFamily> fixedQueues = new ArrayList<>();
        for (ProcessorFamily family : ProcessorFamily.values()) {
            Size size = sizes.get(family);
            ThreadPoolExecutor pool = pools.get(family);
            // core <= maximum at every step, or the executor refuses the change
            if (size.threads() > pool.getMaximumPoolSize()) {
                pool.setMaximumPoolSize(size.threads());
                pool.setCorePoolSize(size.threads());
            } else {
                pool.setCorePoolSize(size.threads());
                pool.setMaximumPoolSize(size.threads());
            }
            if (pool.getQueue().size() + pool.getQueue().remainingCapacity() != size.queueCapacity()) {
                fixedQueues.add(family);
            }
        }
        return fixedQueues;
    }

    /** @return the thread count of a family's pool, for tests and status */
    int threads(ProcessorFamily family) {
        return pools.get(family).getCorePoolSize();
    }

    @Override
    public void close() {
        pools.values().forEach(ThreadPoolExecutor::shutdown);
        for (ThreadPoolExecutor pool : pools.values()) {
            try {
                if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
