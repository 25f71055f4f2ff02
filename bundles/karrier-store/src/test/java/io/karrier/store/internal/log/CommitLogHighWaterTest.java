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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.karrier.protocol.message.MessageProperties;
import io.karrier.protocol.message.StorableMessage;
import io.karrier.store.internal.file.HighWaterMark;
import io.karrier.store.internal.file.SegmentNames;
import io.karrier.store.internal.file.SegmentOptions;

/** The commit log's {@link HighWaterMark}: ahead of every write, and what recovery may skip because of it. */
class CommitLogHighWaterTest {

    private static final int SEGMENT = 64 * 1024;

    @TempDir
    Path dir;

    private CommitLog open() throws IOException {
        return CommitLog.open(dir, SegmentOptions.of(SEGMENT), () -> 1_700_000_000_000L);
    }

    /** Same size whatever the body's bytes, so a new record can end exactly where an old one began. */
    private static StorableMessage message(Random random, String topic) {
        byte[] body = new byte[500];
        random.nextBytes(body);
        return StorableMessage.builder().topic(topic).queueId(0).body(body)
                .properties(RecordSeal.withPlaceholder(MessageProperties.format(java.util.Map.of("TAGS", "t"))))
                .bornTimestamp(1).bornHost(TestMessages.BORN).storeHost(TestMessages.STORE).build();
    }

    private long boundOnDisk() throws IOException {
        try (HighWaterMark mark = HighWaterMark.open(dir, 1)) {
            return mark.bound();
        }
    }

    @Test
    void theBoundOnDiskIsAheadOfEveryByteWritten() throws IOException {
        Random random = new Random(1);
        try (CommitLog log = open()) {
            assertThat(boundOnDisk()).isZero();
            for (int i = 0; i < 400; i++) { // about 3 segments, rolls and blanks included
                log.append(TestMessages.message(random, "t", 0, 600), i);
                assertThat(boundOnDisk()).isGreaterThanOrEqualTo(log.maxOffset());
            }
            assertThat(log.segments().segments().size()).isGreaterThan(2);
            assertThat(boundOnDisk()).isLessThanOrEqualTo(log.maxOffset() + HighWaterMark.stepFor(SEGMENT));
        }
    }

    @Test
    void aRecordCutByRecoveryIsNeverResurrected() throws IOException {
        Random random = new Random(2);
        List<AppendedRecord> appended = new ArrayList<>();
        try (CommitLog log = open()) {
            for (int i = 0; i < 30; i++) {
                appended.add(log.append(message(random, "old"), i));
            }
            log.force();
        }
        // damage record 10: recovery cuts there, though the intact records 11.. still lie on disk
        AppendedRecord damaged = appended.get(10);
        flipByte(damaged.offset() + damaged.size() - 30);
        try (CommitLog log = open()) {
            RecordWalker.Result result = RecoveryScan.recover(log, 0, (offset, view) -> { });
            assertThat(result.endOffset()).isEqualTo(damaged.offset());
            AppendedRecord next = log.append(message(random, "new"), 10);
            assertThat(next.endOffset()).isEqualTo(appended.get(11).offset());
        }
        try (CommitLog log = open()) {
            List<String> topics = new ArrayList<>();
            RecordWalker.Result result = RecoveryScan.recover(log, 0, (offset, view) -> topics.add(view.topic()));
            assertThat(result.damaged()).isFalse();
            assertThat(result.endOffset()).isEqualTo(appended.get(11).offset());
            assertThat(topics).hasSize(11).endsWith("new");
        }
    }

    @Test
    void withoutABoundRecoveryZeroesTheWholeTailAndRecordsOne() throws IOException {
        Random random = new Random(3);
        long end;
        try (CommitLog log = open()) {
            for (int i = 0; i < 10; i++) {
                log.append(message(random, "t"), i);
            }
            end = log.maxOffset();
        }
        // a log from before the high-water mark, with a stale byte near the end of its segment
        Files.delete(dir.resolve(HighWaterMark.FILE_NAME));
        writeByte(SEGMENT - 5, (byte) 9);
        try (CommitLog log = open()) {
            RecoveryScan.recover(log, 0, (offset, view) -> { });
            assertThat(log.maxOffset()).isEqualTo(end);
        }
        assertThat(readByte(SEGMENT - 5)).isZero();
        assertThat(boundOnDisk()).isEqualTo(end);
    }

    @Test
    void recoveryLeavesWhatLiesPastTheBoundUnread() throws IOException {
        Random random = new Random(4);
        try (CommitLog log = open()) {
            for (int i = 0; i < 10; i++) {
                log.append(message(random, "t"), i);
            }
        }
        long bound = boundOnDisk();
        assertThat(bound).isLessThan(SEGMENT - 5);
        // the invariant says this byte cannot exist; planting it shows the tail past the bound is skipped
        writeByte(SEGMENT - 5, (byte) 9);
        writeByte(bound - 1, (byte) 9);
        try (CommitLog log = open()) {
            RecoveryScan.recover(log, 0, (offset, view) -> { });
        }
        assertThat(readByte(bound - 1)).isZero();
        assertThat(readByte(SEGMENT - 5)).isEqualTo((byte) 9);
    }

    private void flipByte(long offset) throws IOException {
        writeByte(offset, (byte) (readByte(offset) ^ 0x10));
    }

    private byte readByte(long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(segmentFile(offset), StandardOpenOption.READ)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset % SEGMENT);
            return one.get(0);
        }
    }

    private void writeByte(long offset, byte value) throws IOException {
        try (FileChannel channel = FileChannel.open(segmentFile(offset), StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {value}), offset % SEGMENT);
        }
    }

    private Path segmentFile(long offset) {
        return dir.resolve(SegmentNames.name(offset - offset % SEGMENT));
    }
}
