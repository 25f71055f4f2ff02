package io.karrier.store.internal.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumeQueueTest {

    private static final int PER_FILE = 10;

    @TempDir
    Path dir;

    private ConsumeQueue open() throws IOException {
        return ConsumeQueue.open(dir, "topicA", 3, PER_FILE, false);
    }

    /** Entry n points at commit-log offset 1000 + 100 n, size 50 + n, tag n % 3. */
    private static void fill(ConsumeQueue queue, long from, long to) throws IOException {
        for (long n = from; n < to; n++) {
            assertThat(queue.put(n, 1000 + 100 * n, (int) (50 + n), n % 3)).isEqualTo(PutResult.APPENDED);
        }
    }

    private static void assertEntries(List<ConsumeQueueEntry> entries, long from) {
        for (ConsumeQueueEntry entry : entries) {
            long n = from++;
            assertThat(entry).isEqualTo(new ConsumeQueueEntry(n, 1000 + 100 * n, (int) (50 + n), n % 3));
        }
    }

    @Test
    void entriesRoundTripAcrossSegmentsAndReopen() throws IOException {
        try (ConsumeQueue queue = open()) {
            fill(queue, 0, 35);
            assertThat(queue.maxOffset()).isEqualTo(35);
            assertThat(queue.segments().segments()).hasSize(4);
            List<ConsumeQueueEntry> entries = queue.read(5, 100);
            assertThat(entries).hasSize(30);
            assertEntries(entries, 5);
            assertThat(queue.read(35, 5)).isEmpty();
            queue.force();
        }
        try (ConsumeQueue queue = open()) {
            assertThat(queue.minOffset()).isZero();
            assertThat(queue.maxOffset()).isEqualTo(35);
            assertEntries(queue.read(0, 35), 0);
            fill(queue, 35, 41);
            assertEntries(queue.read(30, 20), 30);
        }
    }

    @Test
    void reputsAreIgnoredConflictsAndGapsRefused() throws IOException {
        try (ConsumeQueue queue = open()) {
            fill(queue, 0, 12);
            assertThat(queue.put(4, 1400, 54, 1)).isEqualTo(PutResult.ALREADY_PRESENT);
            assertThat(queue.put(4, 1400, 55, 1)).isEqualTo(PutResult.CONFLICT);
            assertThat(queue.put(14, 2400, 64, 2)).isEqualTo(PutResult.GAP);
            assertThat(queue.maxOffset()).isEqualTo(12);
            assertEntries(queue.read(0, 12), 0);
            assertThatThrownBy(() -> queue.put(12, 2200, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anEmptyQueueMayStartPastZero() throws IOException {
        try (ConsumeQueue queue = open()) {
            fill(queue, 23, 33);
            assertThat(queue.minOffset()).isEqualTo(23);
            assertThat(queue.read(22, 3)).isEmpty();
        }
        try (ConsumeQueue queue = open()) {
            assertThat(queue.minOffset()).isEqualTo(23);
            assertThat(queue.maxOffset()).isEqualTo(33);
            assertEntries(queue.read(23, 10), 23);
            assertThat(queue.put(20, 3000, 70, 2)).isEqualTo(PutResult.BELOW_MIN);
        }
    }

    @Test
    void truncateToCommitLogDropsEntriesAtOrPastTheOffset() throws IOException {
        try (ConsumeQueue queue = open()) {
            fill(queue, 0, 25);
        }
        try (ConsumeQueue queue = open()) {
            queue.truncateToCommitLog(1000 + 100 * 13 + 1); // entry 13 starts below, 14 at or past it
            assertThat(queue.maxOffset()).isEqualTo(14);
            assertThat(queue.segments().segments()).hasSize(2);
            fill(queue, 14, 16);
            assertEntries(queue.read(0, 100), 0);
            assertThat(queue.read(0, 100)).hasSize(16);
        }
        try (ConsumeQueue queue = open()) {
            assertThat(queue.maxOffset()).as("zeroed tail is not read back").isEqualTo(16);
            queue.truncateToCommitLog(0);
            assertThat(queue.maxOffset()).isZero();
            fill(queue, 0, 3);
        }
    }

    @Test
    void retentionRaisesTheMinOffsetAndDeletesWholeSegments() throws IOException {
        try (ConsumeQueue queue = open()) {
            fill(queue, 0, 35);
            assertThat(queue.deleteBelowCommitLog(1000 + 100 * 22)).isEqualTo(2);
            assertThat(queue.minOffset()).isEqualTo(22);
            assertThat(queue.read(21, 1)).isEmpty();
            assertEntries(queue.read(22, 3), 22);
        }
        try (ConsumeQueue queue = open()) {
            assertThat(queue.minOffset()).isEqualTo(20);
            assertThat(queue.maxOffset()).isEqualTo(35);
        }
    }

    @Test
    void offsetByTimestampFindsTheClosestStoreTime() throws IOException {
        Map<Long, Long> storeTimes = new HashMap<>();
        try (ConsumeQueue queue = open()) {
            assertThat(queue.offsetByTimestamp(5, storeTimes::get)).isZero();
            fill(queue, 0, 30);
            for (long n = 0; n < 30; n++) {
                storeTimes.put(1000 + 100 * n, 10_000 + 10 * (n / 2)); // two entries per store time
            }
            assertThat(queue.offsetByTimestamp(10_050, storeTimes::get)).isEqualTo(10);
            assertThat(queue.offsetByTimestamp(10_052, storeTimes::get)).isEqualTo(11);
            assertThat(queue.offsetByTimestamp(10_058, storeTimes::get)).isEqualTo(12);
            assertThat(queue.offsetByTimestamp(10_055, storeTimes::get)).as("tie: the earlier").isEqualTo(11);
            assertThat(queue.offsetByTimestamp(1, storeTimes::get)).isZero();
            assertThat(queue.offsetByTimestamp(99_999, storeTimes::get)).isEqualTo(29);
            storeTimes.replaceAll((offset, time) -> offset < 1000 + 100 * 10 ? -1 : time); // records gone
            assertThat(queue.offsetByTimestamp(10_001, storeTimes::get)).isEqualTo(10);
        }
    }
}
