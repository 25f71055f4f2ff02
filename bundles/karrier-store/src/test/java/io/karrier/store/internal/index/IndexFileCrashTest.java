package io.karrier.store.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that dies leaves the mapping's bytes as they were at that instant: these tests take
 * such bytes (a copy mid-way, or a header edited back to a moment before the crash) and reopen them.
 */
class IndexFileCrashTest {

    private static final int SLOTS = 5;
    private static final int MAX = 64;
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void aCopyTakenMidWayAnswersForWhatItHolds() throws Exception {
        Path original = dir.resolve("original");
        Path crashed = dir.resolve("crashed");
        List<List<Long>> atCopy = new ArrayList<>();
        try (IndexFile file = IndexFile.open(original, SLOTS, MAX)) {
            for (int i = 0; i < 30; i++) {
                file.put("T#k" + (i % 8), 10L * i, T0 + 1_000L * i);
            }
            Files.copy(original, crashed); // no flush, no close: the page cache is what a dead process leaves
            for (int k = 0; k < 8; k++) {
                atCopy.add(file.lookup("T#k" + k, 0, Long.MAX_VALUE, 100));
            }
            for (int i = 30; i < 60; i++) {
                file.put("T#k" + (i % 8), 10L * i, T0 + 1_000L * i);
            }
        }
        try (IndexFile file = IndexFile.open(crashed, SLOTS, MAX)) {
            assertThat(file.entryCount()).isEqualTo(30);
            assertThat(file.endPhyOffset()).isEqualTo(290);
            for (int k = 0; k < 8; k++) {
                assertThat(file.lookup("T#k" + k, 0, Long.MAX_VALUE, 100)).isEqualTo(atCopy.get(k)).isNotEmpty();
            }
        }
    }

    /** Died after linking entry 20 and after writing an unlinked entry 21, before either header update. */
    @Test
    void aHeaderBehindTheSlotsIsRepairedBeforeTheNextWrite() throws Exception {
        Path path = dir.resolve("index");
        try (IndexFile file = IndexFile.open(path, SLOTS, MAX)) {
            for (int i = 1; i <= 20; i++) {
                file.put("T#k" + (i % 6), i, T0 + 1_000L * i);
            }
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(8).putLong(0, T0 + 19_000), 8); // endTimestamp of entry 19
            channel.write(ByteBuffer.allocate(8).putLong(0, 19), 24); // endPhyOffset of entry 19
            channel.write(ByteBuffer.allocate(4).putInt(0, 20), 36); // indexCount before entry 20
            ByteBuffer unlinked = ByteBuffer.allocate(20).putInt(0, IndexKey.hash("T#ghost")).putLong(4, 21)
                    .putInt(12, 21).putInt(16, 3);
            channel.write(unlinked, 40 + SLOTS * 4 + 21 * 20);
        }
        try (IndexFile file = IndexFile.open(path, SLOTS, MAX)) {
            assertThat(file.entryCount()).isEqualTo(20);
            assertThat(file.endPhyOffset()).isEqualTo(20);
            assertThat(file.endTimestamp()).isGreaterThanOrEqualTo(T0 + 20_000);
            assertThat(file.lookup("T#k2", 0, Long.MAX_VALUE, 100)).containsExactly(20L, 14L, 8L, 2L);
            assertThat(file.lookup("T#ghost", 0, Long.MAX_VALUE, 100)).isEmpty();

            assertThat(file.put("T#k2", 20, T0 + 20_000)).as("re-added").isTrue();
            assertThat(file.entryCount()).isEqualTo(20);
            file.put("T#k2", 21, T0 + 21_000); // same bucket as entry 20: must not overwrite it
            file.put("T#new", 22, T0 + 22_000);
            assertThat(file.lookup("T#k2", 0, Long.MAX_VALUE, 100)).containsExactly(21L, 20L, 14L, 8L, 2L);
            assertThat(file.lookup("T#new", 0, Long.MAX_VALUE, 100)).containsExactly(22L);
            for (int k = 0; k < 6; k++) {
                assertThat(file.lookup("T#k" + k, 0, Long.MAX_VALUE, 100)).isNotEmpty();
            }
        }
    }

    /** Died after the first entry's begin fields, before the entry was linked. */
    @Test
    void aFileWhoseFirstEntryWasNeverLinkedIsEmpty() throws Exception {
        Path path = dir.resolve("index");
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(8).putLong(0, T0), 0);
            channel.write(ByteBuffer.allocate(8).putLong(0, 7), 16);
            channel.write(ByteBuffer.allocate(4).putInt(0, 1), 36);
            channel.write(ByteBuffer.allocate(4).putInt(0, 0), new IndexSettings(SLOTS, MAX, 1).fileSize() - 4);
        }
        try (IndexFile file = IndexFile.open(path, SLOTS, MAX)) {
            assertThat(file.entryCount()).isZero();
            assertThat(file.lookup("T#k", 0, Long.MAX_VALUE, 10)).isEmpty();
            file.put("T#k", 7, T0 + 3_000);
            assertThat(file.beginTimestamp()).isEqualTo(T0 + 3_000);
            assertThat(file.lookup("T#k", T0 + 3_000, T0 + 3_000, 10)).containsExactly(7L);
        }
    }
}
