package io.karrier.store.internal.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.karrier.api.store.AppendRequest;
import io.karrier.api.store.AppendResult;
import io.karrier.api.store.AppendStatus;
import io.karrier.api.store.MessageStore;
import io.karrier.api.store.SelectedRecords;
import io.karrier.protocol.message.StoredMessageDecoder;
import io.karrier.protocol.message.StoredMessageView;
import io.karrier.store.internal.CrashStores;
import io.karrier.store.internal.crash.ChildRun.Ack;

/**
 * Tier-2 crash test of the store under the real flush strategies: a child JVM
 * ({@code io.karrier.store.internal.CrashChild}) appends from four threads with many appends in
 * flight and reports each acknowledgement as it arrives; the parent kills it with SIGKILL after a
 * random number of acknowledgements plus a random delay, opens the store (recovery runs) and checks:
 * <ul>
 * <li>everything served is a verified prefix ({@link StoreSnapshot}): per queue, offsets from 0 with
 * no hole, every record verifies and holds exactly the bytes its sequence number names, and each
 * writer's records form an unbroken run; whatever an earlier round saw is still there;</li>
 * <li>sync flush: every acknowledged record is there, at the commit-log offset and queue offset it
 * was acknowledged with, readable by {@code readAt} and found once by its key; async flush:
 * acknowledged records may be missing, but only as a suffix of the log (none below its recovered end);</li>
 * <li>the tail is clean: appends after recovery succeed and continue the queues, a reopen after a
 * clean close serves the same, and an independent walk of the whole commit log finds no damage and
 * exactly as many records as the queues hold.</li>
 * </ul>
 * Each chain crashes one directory repeatedly. Odd rounds check in place, so the next child starts
 * from a cleanly closed store; even rounds check a copy of the crash image, so the next child itself
 * recovers the crashed directory and appends after it.
 *
 * <p>What a SIGKILL tests: a process kill keeps the page cache, so this proves the write, recovery
 * and acknowledgement protocol (torn tails, records written but not published, rolls in progress,
 * acknowledgements never ahead of the data), not fsync against power loss.
 *
 * <p>Reproducing: the seed is fixed and printed in every failure; it fixes the kill points and the
 * child's batch choices, not the thread timing.
 */
@Tag("crash")
class StoreCrashTest {

    private static final long SEED = 0x5EEDC4A5L;
    // Two chains in parallel per mode, five kills each: ten kills per mode within the time bound on a
    // busy two-core machine, where a JVM start alone can take two seconds.
    private static final int CHAINS = 2;
    private static final int ROUNDS_PER_CHAIN = 5;
    private static final int MAX_ACKS_BEFORE_KILL = 1500;
    private static final int TAIL_APPENDS_PER_QUEUE = 5;

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void syncFlushKeepsEveryAcknowledgedRecordThroughKills() throws Throwable {
        runChains(RealFlushStrategies.SYNC, SEED);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void asyncFlushRecoversAVerifiedPrefixThroughKills() throws Throwable {
        runChains(RealFlushStrategies.ASYNC, SEED + 1000);
    }

    private void runChains(String mode, long seed) throws Throwable {
        ExecutorService pool = Executors.newFixedThreadPool(CHAINS);
        try {
            List<Future<?>> chains = new ArrayList<>();
            for (int chain = 0; chain < CHAINS; chain++) {
                Path chainDirectory = directory.resolve(mode + "-" + chain);
                long chainSeed = seed + chain;
                chains.add(pool.submit(() -> {
                    runChain(chainDirectory, mode, chainSeed);
                    return null;
                }));
            }
            for (Future<?> chain : chains) {
                try {
                    chain.get();
                } catch (ExecutionException e) {
                    throw e.getCause();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void runChain(Path chainDirectory, String mode, long seed) throws Exception {
        Path store = Files.createDirectories(chainDirectory.resolve("store"));
        Random random = new Random(seed);
        StoreSnapshot baseline = null;
        for (int round = 0; round < ROUNDS_PER_CHAIN; round++) {
            String context = String.format("%s flush, seed %d, round %d, %s", mode, seed, round, store);
            long childSession = 2L * round + 1;
            long parentSession = 2L * round + 2;
            int ackTarget = random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(MAX_ACKS_BEFORE_KILL);
            int delayMillis = random.nextInt(25);

            List<Ack> acks = crashChild(store, mode, childSession, random.nextLong(), ackTarget, delayMillis,
                    chainDirectory.resolve("child-" + round), context);

            boolean inPlace = round % 2 == 1;
            Path checked = inPlace ? store : copyTree(store, chainDirectory.resolve("image-" + round));
            Verified verified = verify(checked, mode, acks, baseline, parentSession, random,
                    context + (inPlace ? ", in place" : ", on a copy"));
            baseline = inPlace ? verified.afterTail() : verified.recovered();
        }
    }

    /** Runs a child until {@code ackTarget} acknowledgements (or 5 s), waits, kills it; returns its acks. */
    private static List<Ack> crashChild(Path store, String mode, long session, long childSeed, int ackTarget,
            int delayMillis, Path output, String context) throws Exception {
        try (ChildRun child = ChildRun.start(store, mode, session, childSeed, output)) {
            assertThat(child.awaitReady(30_000)).as("%s: child opened the store; stderr:%n%s", context,
                    child.stderr()).isTrue();
            child.awaitAcks(ackTarget, 5_000);
            Thread.sleep(delayMillis);
            assertThat(child.isAlive()).as("%s: child still running at the kill; stderr:%n%s", context,
                    child.stderr()).isTrue();
            child.kill();
            List<String> failures = child.failures().stream()
                    .filter(line -> !line.startsWith("F ") || !line.contains("FLUSH_DISK_TIMEOUT"))
                    .filter(line -> line.startsWith("F ") || line.startsWith("unreadable") || line.startsWith("reading"))
                    .toList();
            assertThat(failures).as("%s: appends that failed in the child", context).isEmpty();
            return child.acks();
        }
    }

    private record Verified(StoreSnapshot recovered, StoreSnapshot afterTail) {
    }

    private static Verified verify(Path root, String mode, List<Ack> acks, StoreSnapshot baseline, long tailSession,
            Random random, String context) throws Exception {
        StoreSnapshot recovered;
        StoreSnapshot afterTail;
        long end;
        try (CrashStores.Opened opened = CrashStores.open(root, RealFlushStrategies.of(mode))) {
            MessageStore store = opened.store();
            recovered = snapshot(store, context + ", after recovery");
            if (baseline != null) {
                recovered.assertExtends(baseline, context);
            }
            long lost = checkAcknowledged(store, recovered, acks, mode, context);
            checkKeys(store, recovered, random, context);
            System.out.printf("Crash test %s: %d acknowledged, %d lost, %d records recovered %s, log end %d%n",
                    context, acks.size(), lost, recovered.size(), recovered.sizes(), store.commitLogMaxOffset());

            List<Ack> tail = appendTail(store, tailSession, context);
            afterTail = awaitSnapshot(store, recovered.size() + tail.size(), context + ", after appending");
            afterTail.assertExtends(recovered, context + ", after appending");
            checkAcknowledged(store, afterTail, tail, RealFlushStrategies.SYNC, context + ", appended after recovery");
            end = store.commitLogMaxOffset();
        }
        try (CrashStores.Opened reopened = CrashStores.open(root, RealFlushStrategies.of(mode))) {
            StoreSnapshot again = snapshot(reopened.store(), context + ", reopened after a clean close");
            again.assertExtends(afterTail, context + ", reopened after a clean close");
            assertThat(again.size()).as("%s: records after a clean reopen", context).isEqualTo(afterTail.size());
            assertThat(reopened.store().commitLogMaxOffset()).as("%s: log end after a clean reopen", context)
                    .isEqualTo(end);
        }
        CrashStores.LogWalk walk = CrashStores.walkLog(root);
        assertThat(walk.problem()).as("%s: damage found walking the whole commit log", context).isNull();
        assertThat(walk.endOffset()).as("%s: end of the walked log", context).isEqualTo(end);
        assertThat(walk.records()).as("%s: records in the log vs. in the queues", context)
                .isEqualTo(afterTail.size());
        return new Verified(recovered, afterTail);
    }

    private static StoreSnapshot snapshot(MessageStore store, String context) {
        try {
            return StoreSnapshot.of(store);
        } catch (AssertionError e) {
            throw new AssertionError(context + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks the acknowledgements against what the store holds. Sync: each one is there. Async: each
     * one is there or lies at or beyond the recovered log end.
     *
     * @return how many acknowledged records are missing (async only)
     */
    private static long checkAcknowledged(MessageStore store, StoreSnapshot snapshot, List<Ack> acks, String mode,
            String context) {
        long logEnd = store.commitLogMaxOffset();
        long lost = 0;
        for (Ack ack : acks) {
            StoreSnapshot.Entry entry = snapshot.find(ack.seq());
            if (entry == null) {
                assertThat(mode).as("%s: acknowledged message %s is missing", context, ack)
                        .isEqualTo(RealFlushStrategies.ASYNC);
                assertThat(ack.commitLogOffset()).as("%s: acknowledged message %s is missing below the log end %d",
                        context, ack, logEnd).isGreaterThanOrEqualTo(logEnd);
                lost++;
                continue;
            }
            assertThat(new long[] {entry.commitLogOffset(), entry.queueOffset(), CrashPayload.queueOf(ack.seq())})
                    .as("%s: message %s is stored as %s", context, ack, entry)
                    .containsExactly(ack.commitLogOffset(), ack.queueOffset(), ack.queueId());
            try (SelectedRecords read = store.readAt(ack.commitLogOffset())) {
                assertThat(read.records()).as("%s: readAt(%d) of %s", context, ack.commitLogOffset(), ack).hasSize(1);
                StoredMessageView record = StoredMessageDecoder.decode(read.records().get(0), 0);
                assertThat(CrashPayload.matches(record, ack.seq())).as("%s: readAt(%d) holds message %d", context,
                        ack.commitLogOffset(), ack.seq()).isTrue();
            }
        }
        return lost;
    }

    /** The key index finds, exactly once, the last records of each queue and some at random. */
    private static void checkKeys(MessageStore store, StoreSnapshot snapshot, Random random, String context) {
        List<StoreSnapshot.Entry> sample = new ArrayList<>();
        for (int queue = 0; queue < CrashPayload.QUEUES; queue++) {
            List<StoreSnapshot.Entry> entries = snapshot.queue(queue);
            sample.addAll(entries.subList(Math.max(0, entries.size() - 3), entries.size()));
            for (int i = 0; i < 3 && !entries.isEmpty(); i++) {
                sample.add(entries.get(random.nextInt(entries.size())));
            }
        }
        for (StoreSnapshot.Entry entry : sample) {
            try (SelectedRecords found = store.queryByKey(CrashPayload.TOPIC, CrashPayload.key(entry.seq()), 32, 0,
                    Long.MAX_VALUE)) {
                List<Long> offsets = found.records().stream()
                        .map(bytes -> StoredMessageDecoder.decode(bytes, 0))
                        .filter(record -> CrashPayload.seqOf(record) == entry.seq())
                        .map(StoredMessageView::physicalOffset)
                        .toList();
                assertThat(offsets).as("%s: key %s found in the index", context, CrashPayload.key(entry.seq()))
                        .containsExactly(entry.commitLogOffset());
            }
        }
    }

    /** Appends after recovery in session {@code session}: one single and one batch per queue. */
    private static List<Ack> appendTail(MessageStore store, long session, String context) throws Exception {
        List<Ack> acks = new ArrayList<>();
        for (int queue = 0; queue < CrashPayload.QUEUES; queue++) {
            long first = CrashPayload.seq(session, queue, 0);
            acks.addAll(append(store, List.of(first), context));
            List<Long> batch = new ArrayList<>();
            for (int i = 1; i < TAIL_APPENDS_PER_QUEUE; i++) {
                batch.add(CrashPayload.seq(session, queue, i));
            }
            acks.addAll(append(store, batch, context));
        }
        return acks;
    }

    private static List<Ack> append(MessageStore store, List<Long> seqs, String context) throws Exception {
        List<AppendRequest> requests = seqs.stream().map(CrashPayload::request).toList();
        AppendResult result = (requests.size() == 1 ? store.append(requests.get(0)) : store.appendBatch(requests))
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertThat(result.status()).as("%s: append after recovery: %s", context, result.detail())
                .isEqualTo(AppendStatus.PUT_OK);
        List<Ack> acks = new ArrayList<>();
        for (int i = 0; i < seqs.size(); i++) {
            acks.add(new Ack(seqs.get(i), result.commitLogOffsets()[i], CrashPayload.queueOf(seqs.get(i)),
                    result.queueOffset() + i));
        }
        return acks;
    }

    /** Waits for the dispatcher to make {@code records} records visible, then snapshots. */
    private static StoreSnapshot awaitSnapshot(MessageStore store, int records, String context)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (visible(store) < records && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(visible(store)).as("%s: records visible in time", context).isEqualTo(records);
        return snapshot(store, context);
    }

    private static long visible(MessageStore store) {
        long total = 0;
        for (int queue = 0; queue < CrashPayload.QUEUES; queue++) {
            total += store.maxOffset(CrashPayload.TOPIC, queue);
        }
        return total;
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }
}
