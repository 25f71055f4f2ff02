package io.karrier.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.karrier.api.store.AppendRequest;
import io.karrier.api.store.AppendResult;
import io.karrier.api.store.AppendStatus;
import io.karrier.api.store.GetResult;
import io.karrier.api.store.GetStatus;
import io.karrier.api.store.MessageFilter;
import io.karrier.api.store.SelectedRecords;
import io.karrier.protocol.message.StoredMessageDecoder;
import io.karrier.store.internal.file.HighWaterMark;
import io.karrier.store.internal.index.IndexSettings;
import io.karrier.store.internal.retention.RetentionPass;
import io.karrier.store.internal.retention.RetentionSettings;

/**
 * Retention on a real store with 64 KiB segments, a clock that moves only when told and a simulated
 * disk. Passes are run directly; the thread's interval is an hour so it stays out of the way, except
 * in the one test about the thread.
 */
class RetentionStoreTest {

    private static final int SEGMENT = 64 * 1024;
    private static final String SEGMENT_0 = "00000000000000000000";
    private static final RetentionSettings MANUAL = new RetentionSettings(Duration.ofHours(1), Duration.ofHours(72),
            75, 90);
    private static final InetSocketAddress HOST = new InetSocketAddress("127.0.0.1", 10911);

    @TempDir
    Path directory;

    private final RetentionTestClock clock = new RetentionTestClock(1_700_000_000_000L);
    private final DiskUsageStub disk = new DiskUsageStub(100L * SEGMENT).percent(50);
    private final List<Long> commitLogOffsets = new ArrayList<>(); // by queue offset of topic T, queue 0
    private LocalMessageStore store;

    @AfterEach
    void close() throws IOException {
        if (store != null) {
            store.close();
        }
    }

    private LocalMessageStore open(RetentionSettings retention) throws IOException {
        store = LocalMessageStore.open(new StoreSettings(directory, SEGMENT, 64, 4096, Duration.ofSeconds(5), false,
                new IndexSettings(64, 64, 64), retention), clock, disk);
        store.flushSwitch().add(TestFlushStrategy.pageCache(), 0, 1);
        return store;
    }

    private static AppendRequest message(String topic, String body) {
        String padded = body + "-" + "x".repeat(1000);
        String properties = "TAGS\u0001t\u0002KEYS\u0001K-" + body + "\u0002UNIQ_KEY\u0001U-" + body;
        return new AppendRequest(topic, 0, 0, ByteBuffer.wrap(padded.getBytes(StandardCharsets.UTF_8)), properties,
                0, 0, HOST, HOST, 0, 0);
    }

    private AppendResult append(AppendRequest request) throws Exception {
        return store.append(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Appends to T/0 until the log has reached segment {@code segment}, then waits for dispatch. */
    private void fillUntilSegment(int segment) throws Exception {
        while (store.commitLogMaxOffset() <= (long) segment * SEGMENT) {
            appendToT();
        }
        awaitDispatch();
    }

    private void appendToT() throws Exception {
        AppendResult result = append(message("T", "m" + commitLogOffsets.size()));
        assertThat(result.status()).isEqualTo(AppendStatus.PUT_OK);
        commitLogOffsets.add(result.commitLogOffsets()[0]);
    }

    private void awaitDispatch() throws InterruptedException {
        await(() -> store.dispatchedPosition() == store.commitLogMaxOffset());
    }

    /** @return the first queue offset of T/0 whose record lies at or past {@code commitLogOffset} */
    private long firstQueueOffsetAtOrPast(long commitLogOffset) {
        for (int i = 0; i < commitLogOffsets.size(); i++) {
            if (commitLogOffsets.get(i) >= commitLogOffset) {
                return i;
            }
        }
        throw new AssertionError("no record at or past " + commitLogOffset);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** The names of the data files in a directory of the store (the commit log's high-water mark left out). */
    private List<String> files(String relative) throws IOException {
        try (Stream<Path> listing = Files.list(directory.resolve(relative))) {
            return listing.map(path -> path.getFileName().toString())
                    .filter(name -> !name.equals(HighWaterMark.FILE_NAME)).sorted().toList();
        }
    }

    private static List<String> bodies(SelectedRecords records) {
        return records.records().stream()
                .map(record -> new String(StoredMessageDecoder.decode(record, 0).bodyBytes(), StandardCharsets.UTF_8))
                .map(body -> body.substring(0, body.indexOf('-')))
                .toList();
    }

    @Test
    void expiredSegmentsGoOldestFirstWithTheQueueAndIndexFilesBelowThemWhileTheNewestStays() throws Exception {
        open(MANUAL);
        fillUntilSegment(2); // segments 0 and 1 full; the first record of 2 stored at T0
        clock.advance(Duration.ofHours(48));
        fillUntilSegment(3); // segment 2 full; the first record of 3 stored at T0 + 48 h
        List<String> queueFilesBefore = files("consumequeue/T/0");
        List<String> indexFilesBefore = files("index");
        clock.advance(Duration.ofHours(25));

        RetentionPass pass = store.retention().runOnce();

        assertThat(pass.expiredSegments()).isEqualTo(2);
        assertThat(pass.spaceSegments()).isZero();
        assertThat(files("commitlog")).containsExactly(String.format("%020d", 2L * SEGMENT),
                String.format("%020d", 3L * SEGMENT));
        long min = firstQueueOffsetAtOrPast(2L * SEGMENT);
        assertThat(store.minOffset("T", 0)).isEqualTo(min);
        assertThat(pass.queueFiles()).isPositive();
        assertThat(files("consumequeue/T/0")).hasSize(queueFilesBefore.size() - pass.queueFiles())
                .doesNotContain(queueFilesBefore.get(0));
        assertThat(pass.indexFiles()).isPositive();
        assertThat(files("index")).hasSize(indexFilesBefore.size() - pass.indexFiles())
                .doesNotContain(indexFilesBefore.get(0));
        try (SelectedRecords gone = store.queryByKey("T", "K-m0", 10, 0, Long.MAX_VALUE);
                SelectedRecords kept = store.queryByKey("T", "K-m" + min, 10, 0, Long.MAX_VALUE)) {
            assertThat(gone.records()).isEmpty();
            assertThat(bodies(kept)).containsExactly("m" + min);
        }

        clock.advance(Duration.ofHours(100)); // now every segment is old, the one being written included
        pass = store.retention().runOnce();
        assertThat(pass.expiredSegments()).isEqualTo(1);
        assertThat(files("commitlog")).containsExactly(String.format("%020d", 3L * SEGMENT));
        assertThat(append(message("T", "after")).status()).isEqualTo(AppendStatus.PUT_OK);
    }

    @Test
    void recordsOfDeletedSegmentsAreNoLongerReadableAndMinOffsetsAdvance() throws Exception {
        open(MANUAL);
        for (int i = 0; i < 5; i++) {
            assertThat(append(message("old", "o" + i)).status()).isEqualTo(AppendStatus.PUT_OK);
        }
        fillUntilSegment(1);
        for (int i = 0; i < 3; i++) {
            appendToT();
        }
        awaitDispatch();
        clock.advance(Duration.ofHours(73));
        assertThat(store.minOffset("old", 0)).isZero();

        assertThat(store.retention().deleteSegments().expiredSegments()).isEqualTo(1);
        // the window before the queues follow: entries still there, records gone
        try (GetResult old = store.get("old", 0, 0, 32, 1 << 20, MessageFilter.ALL);
                GetResult t = store.get("T", 0, 0, 4, 1 << 20, MessageFilter.ALL)) {
            assertThat(old.status()).isEqualTo(GetStatus.MESSAGE_WAS_REMOVING);
            assertThat(old.nextBeginOffset()).isEqualTo(5);
            long firstKept = firstQueueOffsetAtOrPast(SEGMENT);
            assertThat(t.status()).isEqualTo(GetStatus.FOUND);
            assertThat(bodies(t.records())).startsWith("m" + firstKept);
        }
        assertThat(store.readAt(commitLogOffsets.get(0)).records()).isEmpty();

        store.retention().runOnce();
        long min = firstQueueOffsetAtOrPast(SEGMENT);
        assertThat(min).isPositive();
        assertThat(store.minOffset("T", 0)).isEqualTo(min);
        assertThat(store.minOffset("old", 0)).isEqualTo(5);
        try (GetResult old = store.get("old", 0, 0, 32, 1 << 20, MessageFilter.ALL);
                GetResult t = store.get("T", 0, 0, 4, 1 << 20, MessageFilter.ALL)) {
            assertThat(old.status()).isEqualTo(GetStatus.OFFSET_TOO_SMALL);
            assertThat(t.status()).isEqualTo(GetStatus.OFFSET_TOO_SMALL);
            assertThat(t.nextBeginOffset()).isEqualTo(min);
        }
        try (GetResult t = store.get("T", 0, min, 4, 1 << 20, MessageFilter.ALL)) {
            assertThat(t.status()).isEqualTo(GetStatus.FOUND);
            assertThat(bodies(t.records())).containsExactly("m" + min, "m" + (min + 1), "m" + (min + 2),
                    "m" + (min + 3));
        }
    }

    @Test
    void pastTheSoftLimitTheOldestSegmentsGoUntilUsageIsUnderIt() throws Exception {
        open(MANUAL);
        fillUntilSegment(4); // segments 0-3 full, 4 being written; none expired
        disk.counting(directory.resolve("commitlog")).otherBytes(71L * SEGMENT + SEGMENT / 2); // 76.5 %
        assertThat(disk.measure().usedPercent()).isEqualTo(76.5);

        RetentionPass pass = store.retention().runOnce();

        assertThat(pass.expiredSegments()).isZero();
        assertThat(pass.spaceSegments()).isEqualTo(2);
        assertThat(files("commitlog")).containsExactly(String.format("%020d", 2L * SEGMENT),
                String.format("%020d", 3L * SEGMENT), String.format("%020d", 4L * SEGMENT));
        assertThat(pass.space().usedPercent()).isEqualTo(74.5);
        assertThat(store.minOffset("T", 0)).isEqualTo(firstQueueOffsetAtOrPast(2L * SEGMENT));
        assertThat(store.retention().runOnce().spaceSegments()).as("under the limit now").isZero();

        disk.otherBytes(97L * SEGMENT); // far past: everything goes but the segment being written
        pass = store.retention().runOnce();
        assertThat(pass.spaceSegments()).isEqualTo(2);
        assertThat(files("commitlog")).containsExactly(String.format("%020d", 4L * SEGMENT));
    }

    @Test
    void pastTheHardLimitAppendsAreRefusedAtOnceReadsGoOnAndAppendsResumeWhenSpaceIsFreed() throws Exception {
        open(MANUAL);
        for (int i = 0; i < 10; i++) {
            assertThat(append(message("T", "m" + i)).status()).isEqualTo(AppendStatus.PUT_OK);
        }
        awaitDispatch();
        long end = store.commitLogMaxOffset();

        disk.percent(95);
        store.retention().runOnce();
        AppendResult refused = append(message("T", "refused"));
        assertThat(refused.status()).isEqualTo(AppendStatus.DISK_FULL);
        assertThat(refused.stored()).isFalse();
        assertThat(refused.detail()).isEqualTo("store " + directory + " is 95.0% full (hard limit 90%)");
        assertThat(store.appendBatch(List.of(message("T", "a"), message("T", "b"))).toCompletableFuture()
                .get(10, TimeUnit.SECONDS).status()).isEqualTo(AppendStatus.DISK_FULL);
        assertThat(store.commitLogMaxOffset()).isEqualTo(end);
        try (GetResult read = store.get("T", 0, 0, 32, 1 << 20, MessageFilter.ALL)) {
            assertThat(read.status()).isEqualTo(GetStatus.FOUND);
            assertThat(read.records().records()).hasSize(10);
        }

        disk.percent(60); // space freed by someone else: an append notices within a second, no pass needed
        clock.advance(Duration.ofSeconds(1));
        AppendResult accepted = append(message("T", "m10"));
        assertThat(accepted.status()).isEqualTo(AppendStatus.PUT_OK);
        assertThat(accepted.queueOffset()).isEqualTo(10);

        disk.percent(91);
        store.retention().runOnce();
        assertThat(append(message("T", "refused")).status()).isEqualTo(AppendStatus.DISK_FULL);
        disk.percent(89);
        store.retention().runOnce(); // a pass clears it at once, with the clock standing still
        assertThat(append(message("T", "m11")).status()).isEqualTo(AppendStatus.PUT_OK);
        awaitDispatch();
        assertThat(store.maxOffset("T", 0)).isEqualTo(12);
    }

    @Test
    void aReaderHoldingRecordsOfADeletedSegmentReadsThemUntilItClosesThem() throws Exception {
        open(MANUAL);
        fillUntilSegment(1);
        Path segment0 = directory.resolve("commitlog").resolve(SEGMENT_0);
        GetResult held = store.get("T", 0, 0, 4, 1 << 20, MessageFilter.ALL);
        try {
            assertThat(held.status()).isEqualTo(GetStatus.FOUND);
            clock.advance(Duration.ofHours(73));

            assertThat(store.retention().runOnce().expiredSegments()).isEqualTo(1);

            assertThat(files("commitlog")).as("the file stays while pinned").contains(SEGMENT_0);
            assertThat(Files.exists(segment0)).isTrue();
            try (GetResult fresh = store.get("T", 0, 0, 4, 1 << 20, MessageFilter.ALL)) {
                assertThat(fresh.status()).isEqualTo(GetStatus.OFFSET_TOO_SMALL);
            }
            assertThat(bodies(held.records())).containsExactly("m0", "m1", "m2", "m3");
        } finally {
            held.close();
        }
        assertThat(Files.exists(segment0)).as("deleted once released").isFalse();
    }

    @Test
    void theRetentionThreadRunsPassesOnItsOwn() throws Exception {
        open(new RetentionSettings(Duration.ofMillis(20), Duration.ofHours(72), 75, 90));
        fillUntilSegment(1);
        Path segment0 = directory.resolve("commitlog").resolve(SEGMENT_0);
        assertThat(Files.exists(segment0)).isTrue();

        clock.advance(Duration.ofHours(73));

        await(() -> !Files.exists(segment0));
        await(() -> store.minOffset("T", 0) == firstQueueOffsetAtOrPast(SEGMENT));
    }
}
