package io.karrier.store.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.karrier.protocol.message.StoredMessageLayout;
import io.karrier.store.internal.file.SegmentNames;
import io.karrier.store.internal.file.SegmentOptions;

/**
 * Writes garbage (random bytes, or zeros as a torn write leaves them) over a copy of a good log at
 * 200 random places and lengths, and checks that recovery stops exactly at the start of the first
 * record (or blank header) whose bytes changed, hands out only records identical to the good ones,
 * and leaves a log that appends and reopens cleanly.
 */
class RecoveryFaultInjectionTest {

    private static final int SEGMENT = 32 * 1024;

    @TempDir
    Path temp;

    @Test
    void recoveryStopsAtTheFirstDamagedRecordAndNeverReturnsABadOne() throws IOException {
        Path pristine = temp.resolve("pristine");
        Random random = new Random(20240611);
        // offset -> exact bytes of every record; blanks -> their 8-byte header
        TreeMap<Long, byte[]> records = new TreeMap<>();
        TreeMap<Long, Integer> checked = new TreeMap<>();
        long end;
        try (CommitLog log = CommitLog.open(pristine, SegmentOptions.of(SEGMENT), () -> 1_700_000_000_000L)) {
            List<AppendedRecord> appended = CommitLogTest.fill(log, random, 120);
            long expected = 0;
            for (AppendedRecord record : appended) {
                if (record.offset() != expected) {
                    checked.put(expected, StoredMessageLayout.BLANK_HEADER_SIZE);
                }
                try (RecordHandle handle = log.read(record.offset())) {
                    byte[] copy = new byte[record.size()];
                    handle.record().get(copy);
                    records.put(record.offset(), copy);
                }
                checked.put(record.offset(), record.size());
                expected = record.endOffset();
            }
            end = log.maxOffset();
            log.force();
        }
        assertThat(end).isGreaterThan(3L * SEGMENT);

        for (int round = 0; round < 200; round++) {
            Path copy = temp.resolve("round" + round);
            copyDirectory(pristine, copy);
            long at = (long) (random.nextDouble() * (end + 200));
            int length = 1 + random.nextInt(random.nextBoolean() ? 8 : 600);
            boolean zeros = random.nextInt(4) == 0;
            long firstChanged = damage(copy, at, length, zeros, random);

            long expectedEnd = end;
            if (firstChanged >= 0) {
                var containing = checked.floorEntry(firstChanged);
                if (containing != null && firstChanged < containing.getKey() + containing.getValue()) {
                    expectedEnd = containing.getKey();
                } else {
                    // inside a blank's padding (never read) or past the end: look for the next change
                    expectedEnd = firstDamagedAfter(pristine, copy, firstChanged, checked, end);
                }
            }

            try (CommitLog log = CommitLog.open(copy, SegmentOptions.of(SEGMENT), () -> 1_800_000_000_000L)) {
                List<Long> seen = new ArrayList<>();
                RecordWalker.Result result = RecoveryScan.recover(log, 0, (offset, view) -> {
                    byte[] bytes = new byte[view.totalSize()];
                    view.recordBytes().get(bytes);
                    assertThat(bytes).as("record at %d", offset).isEqualTo(records.get(offset));
                    seen.add(offset);
                });
                String what = "round " + round + ": damage at " + at + "+" + length + (zeros ? " zeros" : "");
                assertThat(result.endOffset()).as(what).isEqualTo(expectedEnd);
                assertThat(seen).as(what).containsExactlyElementsOf(records.headMap(expectedEnd).keySet());
                assertThat(log.maxOffset()).isEqualTo(expectedEnd);
                if (round % 20 == 0) {
                    AppendedRecord next = log.append(TestMessages.message(random, "after", 0, 100), 0);
                    assertThat(next.offset()).isGreaterThanOrEqualTo(expectedEnd);
                    try (RecordHandle handle = log.read(next.offset())) {
                        assertThat(handle.view().topic()).isEqualTo("after");
                    }
                }
            }
            deleteDirectory(copy);
        }
    }

    /** Overwrites bytes at a log offset; returns the first offset whose byte actually changed, or -1. */
    private static long damage(Path directory, long at, int length, boolean zeros, Random random) throws IOException {
        long firstChanged = -1;
        for (long offset = at; offset < at + length; offset++) {
            Path file = directory.resolve(SegmentNames.name(offset - offset % SEGMENT));
            if (!Files.exists(file)) {
                continue;
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                ByteBuffer one = ByteBuffer.allocate(1);
                channel.read(one, offset % SEGMENT);
                byte old = one.get(0);
                byte now = zeros ? 0 : (byte) random.nextInt(256);
                if (old != now) {
                    channel.write(ByteBuffer.wrap(new byte[] {now}), offset % SEGMENT);
                    if (firstChanged < 0) {
                        firstChanged = offset;
                    }
                }
            }
        }
        return firstChanged;
    }

    /** The start of the first checked range with a changed byte at or after {@code from}, else {@code end}. */
    private static long firstDamagedAfter(Path pristine, Path copy, long from, TreeMap<Long, Integer> checked,
            long end) throws IOException {
        for (var range : checked.tailMap(checked.floorKey(from) == null ? 0 : checked.floorKey(from)).entrySet()) {
            long start = range.getKey();
            String name = SegmentNames.name(start - start % SEGMENT);
            byte[] a = Files.readAllBytes(pristine.resolve(name));
            byte[] b = Files.readAllBytes(copy.resolve(name));
            int base = (int) (start % SEGMENT);
            for (int i = base; i < base + range.getValue(); i++) {
                if (a[i] != b[i]) {
                    return start;
                }
            }
        }
        return end;
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static void deleteDirectory(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }
}
