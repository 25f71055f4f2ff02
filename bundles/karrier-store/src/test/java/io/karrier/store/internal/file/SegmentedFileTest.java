package io.karrier.store.internal.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentedFileTest {

    private static final int SIZE = 8192;

    @TempDir
    Path dir;

    private static void write(MappedSegment segment, int length, byte value) {
        int position = segment.writePosition();
        for (int i = 0; i < length; i++) {
            segment.writer().put(position + i, value);
        }
        segment.publish(position + length);
    }

    @Test
    void rollsNamedSegmentsAndFindsThemAgainOnReopen() throws IOException {
        try (SegmentedFile file = SegmentedFile.open(dir, new SegmentOptions(SIZE, true, SegmentOptions.MSYNC))) {
            write(file.roll(0), SIZE, (byte) 1);
            write(file.roll(SIZE), SIZE, (byte) 2);
            write(file.roll(2 * SIZE), 100, (byte) 3);
            assertThat(file.maxOffset()).isEqualTo(2 * SIZE + 100);
            assertThat(file.segmentFor(SIZE + 5).baseOffset()).isEqualTo(SIZE);
            assertThat(file.segmentFor(3 * SIZE)).isNull();
            assertThatThrownBy(() -> file.roll(5 * SIZE)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(dir.resolve("00000000000000008192")).exists();
        try (SegmentedFile file = SegmentedFile.open(dir, SegmentOptions.of(SIZE))) {
            assertThat(file.segments()).extracting(MappedSegment::baseOffset).containsExactly(0L, (long) SIZE,
                    2L * SIZE);
            assertThat(file.maxOffset()).as("loaded segments count as written to the end").isEqualTo(3L * SIZE);
            assertThat(file.segmentFor(SIZE).slice(10, 1).get(0)).isEqualTo((byte) 2);
            file.truncate(2 * SIZE + 100);
            assertThat(file.maxOffset()).isEqualTo(2 * SIZE + 100);
            assertThat(file.totalSize()).isEqualTo(3L * SIZE);
        }
    }

    @Test
    void refusesWrongSizesAndGapsAndDropsTemporaryFiles() throws IOException {
        Files.write(dir.resolve("00000000000000000000"), new byte[SIZE]);
        Files.write(dir.resolve("00000000000000016384"), new byte[SIZE]);
        Files.write(dir.resolve("00000000000000008192.tmp"), new byte[3]);
        assertThatThrownBy(() -> SegmentedFile.open(dir, SegmentOptions.of(SIZE))).hasMessageContaining("gap");
        assertThat(dir.resolve("00000000000000008192.tmp")).doesNotExist();
        Files.write(dir.resolve("00000000000000008192"), new byte[SIZE - 1]);
        assertThatThrownBy(() -> SegmentedFile.open(dir, SegmentOptions.of(SIZE))).hasMessageContaining("bytes");
    }

    @Test
    void truncateDropsLaterSegmentsAndZeroesTheTail() throws IOException {
        try (SegmentedFile file = SegmentedFile.open(dir, SegmentOptions.of(SIZE))) {
            write(file.roll(0), SIZE, (byte) 7);
            write(file.roll(SIZE), 300, (byte) 7);
            file.truncate(SIZE - 10);
            assertThat(file.segments()).hasSize(1);
            assertThat(dir.resolve("00000000000000008192")).doesNotExist();
            MappedSegment segment = file.last();
            assertThat(segment.writePosition()).isEqualTo(SIZE - 10);
            assertThat(segment.writer().get(SIZE - 11)).isEqualTo((byte) 7);
            for (int i = SIZE - 10; i < SIZE; i++) {
                assertThat(segment.writer().get(i)).isZero();
            }
        }
    }

    @Test
    void truncateZeroesOnlyBelowTheKnownZeroBound() throws IOException {
        try (SegmentedFile file = SegmentedFile.open(dir, SegmentOptions.of(SIZE))) {
            write(file.roll(0), SIZE, (byte) 7);
            write(file.roll(SIZE), 3000, (byte) 7);
            // the caller says bytes from SIZE + 2000 on are zero: they are not read, nor zeroed
            file.truncate(SIZE + 1000, SIZE + 2000);
            MappedSegment segment = file.last();
            assertThat(segment.writePosition()).isEqualTo(1000);
            assertThat(segment.writer().get(999)).isEqualTo((byte) 7);
            for (int i = 1000; i < 2000; i++) {
                assertThat(segment.writer().get(i)).isZero();
            }
            assertThat(segment.writer().get(2000)).isEqualTo((byte) 7);
            // a bound in a later segment than the cut: the whole tail of the cut one is zeroed
            file.truncate(SIZE - 10, SIZE + 2000);
            for (int i = SIZE - 10; i < SIZE; i++) {
                assertThat(file.last().writer().get(i)).isZero();
            }
        }
    }

    @Test
    void pinnedSegmentSurvivesDeletionUntilReleased() throws IOException {
        try (SegmentedFile file = SegmentedFile.open(dir, SegmentOptions.of(SIZE))) {
            write(file.roll(0), SIZE, (byte) 9);
            write(file.roll(SIZE), 10, (byte) 1);
            MappedSegment old = file.pinSegmentFor(5);
            Path path = old.path();
            assertThat(file.deleteWhollyBelow(SIZE)).isEqualTo(1);
            assertThat(file.pinSegmentFor(5)).as("gone from the list").isNull();
            assertThat(path).as("still there while pinned").exists();
            assertThat(old.slice(100, 1).get(0)).isEqualTo((byte) 9);
            assertThat(old.pin()).isTrue();
            old.release();
            old.release();
            assertThat(path).doesNotExist();
            assertThat(old.pin()).isFalse();
            assertThat(file.deleteWhollyBelow(Long.MAX_VALUE)).as("never the last segment").isZero();
        }
    }

    @Test
    void forceAdvancesTheFlushedPositionOnlyWhenTheDiskAccepts() throws IOException {
        AtomicBoolean fail = new AtomicBoolean();
        SegmentOptions.Force force = (buffer, index, length) -> {
            if (fail.get()) {
                throw new IOException("injected");
            }
            SegmentOptions.MSYNC.force(buffer, index, length);
        };
        try (SegmentedFile file = SegmentedFile.open(dir, new SegmentOptions(SIZE, false, force))) {
            write(file.roll(0), SIZE, (byte) 1);
            write(file.roll(SIZE), 40, (byte) 1);
            assertThat(file.flushedPosition()).isZero();
            assertThat(file.force()).isEqualTo(SIZE + 40);
            write(file.last(), 10, (byte) 1);
            fail.set(true);
            assertThatThrownBy(file::force).isInstanceOf(IOException.class);
            assertThat(file.flushedPosition()).isEqualTo(SIZE + 40);
            fail.set(false);
            assertThat(file.force()).isEqualTo(SIZE + 50);
        }
    }

    @Test
    void readersCannotSeePastTheWritePosition() throws IOException {
        try (SegmentedFile file = SegmentedFile.open(dir, SegmentOptions.of(SIZE))) {
            MappedSegment segment = file.roll(0);
            write(segment, 16, (byte) 1);
            ByteBuffer slice = segment.slice(0, 16);
            assertThat(slice.isReadOnly()).isTrue();
            assertThatThrownBy(() -> segment.slice(8, 9)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void segmentNames() {
        assertThat(SegmentNames.name(1073741824L)).isEqualTo("00000000001073741824");
        assertThat(SegmentNames.parse("00000000001073741824")).isEqualTo(1073741824L);
        assertThat(SegmentNames.parse("0000000000107374182x")).isEqualTo(-1);
        assertThat(SegmentNames.parse("123")).isEqualTo(-1);
    }
}
