package io.karrier.store.internal.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.karrier.protocol.message.MalformedMessageException;
import io.karrier.protocol.message.StorableMessage;
import io.karrier.protocol.message.StoredMessageLayout;
import io.karrier.protocol.message.StoredMessageView;
import io.karrier.store.internal.file.SegmentOptions;

class CommitLogTest {

    static final int SEGMENT = 64 * 1024;

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(1_700_000_100_000L);

    private CommitLog open() throws IOException {
        return CommitLog.open(dir, SegmentOptions.of(SEGMENT), clock::incrementAndGet);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    /** Appends until the log has about {@code segments} segments; returns the records' bytes by offset. */
    static List<AppendedRecord> fill(CommitLog log, Random random, int count) throws IOException {
        List<AppendedRecord> appended = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (random.nextInt(10) == 0) {
                List<StorableMessage> batch = List.of(TestMessages.message(random, "batch", 1, 300),
                        TestMessages.message(random, "batch", 1, 300), TestMessages.message(random, "batch", 1, 300));
                appended.addAll(log.appendBatch(batch, 1000 + i));
            } else {
                appended.add(log.append(TestMessages.message(random, "topicA", i % 4, 2000), i));
            }
        }
        return appended;
    }

    @Test
    void rollsWithABlankAndNeverSplitsARecord() throws IOException {
        try (CommitLog log = open()) {
            List<AppendedRecord> appended = fill(log, new Random(1), 300);
            assertThat(log.segments().segments().size()).isGreaterThan(3);
            long expected = 0;
            for (AppendedRecord record : appended) {
                if (record.offset() != expected) {
                    // a roll: the gap is the blank filling the rest of the previous segment
                    assertThat(record.offset() % SEGMENT).isZero();
                    assertThat(record.offset() - expected).isGreaterThanOrEqualTo(StoredMessageLayout.BLANK_HEADER_SIZE);
                    ByteBuffer blank = log.segments().segmentFor(expected).slice((int) (expected % SEGMENT), 8);
                    assertThat(blank.getInt(0)).isEqualTo((int) (record.offset() - expected));
                    assertThat(blank.getInt(4)).isEqualTo(StoredMessageLayout.BLANK_MAGIC);
                }
                assertThat(record.offset() / SEGMENT).isEqualTo((record.endOffset() - 1) / SEGMENT);
                assertThat(SEGMENT - record.endOffset() % SEGMENT).isGreaterThanOrEqualTo(8);
                expected = record.endOffset();
            }
            assertThat(log.maxOffset()).isEqualTo(expected);
        }
    }

    @Test
    void readsAfterReopenEqualWhatWasWritten() throws IOException {
        List<AppendedRecord> appended;
        List<byte[]> written = new ArrayList<>();
        long end;
        try (CommitLog log = open()) {
            appended = fill(log, new Random(2), 200);
            for (AppendedRecord record : appended) {
                try (RecordHandle handle = log.read(record.offset())) {
                    written.add(bytes(handle.record()));
                    assertThat(handle.view().queueOffset()).isEqualTo(record.queueOffset());
                    assertThat(handle.view().storeTimestamp()).isEqualTo(record.storeTimestamp());
                }
            }
            end = log.maxOffset();
            assertThat(log.force()).isEqualTo(end);
        }
        try (CommitLog log = open()) {
            List<Long> seen = new ArrayList<>();
            RecordWalker.Result result = RecoveryScan.recover(log, 0, (offset, view) -> seen.add(offset));
            assertThat(result.damaged()).isFalse();
            assertThat(result.endOffset()).isEqualTo(end);
            assertThat(log.maxOffset()).isEqualTo(end);
            assertThat(seen).containsExactlyElementsOf(appended.stream().map(AppendedRecord::offset).toList());
            for (int i = 0; i < appended.size(); i++) {
                try (RecordHandle handle = log.read(appended.get(i).offset())) {
                    assertThat(bytes(handle.record())).isEqualTo(written.get(i));
                }
            }
            assertThat(log.read(appended.get(0).offset() + 1)).as("not a record boundary").isNull();
            assertThat(log.read(end)).isNull();
        }
    }

    @Test
    void recordsDecodeWithRocketMqsDecoderAndShowTheSeal() throws IOException {
        try (CommitLog log = open()) {
            Random random = new Random(3);
            StorableMessage message = TestMessages.message(random, "topicA", 2, 500);
            AppendedRecord record = log.append(message, 42);
            try (RecordHandle handle = log.read(record.offset())) {
                MessageExt decoded = MessageDecoder.decode(ByteBuffer.wrap(bytes(handle.record())), true, false);
                assertThat(decoded.getTopic()).isEqualTo("topicA");
                assertThat(decoded.getQueueOffset()).isEqualTo(42);
                assertThat(decoded.getCommitLogOffset()).isEqualTo(record.offset());
                assertThat(decoded.getStoreTimestamp()).isEqualTo(record.storeTimestamp());
                assertThat(decoded.getBodyCRC()).isEqualTo(message.bodyCrc());
                assertThat(decoded.getBody()).isEqualTo(bytes(message.body()));
                assertThat(decoded.getTags()).isEqualTo(handle.view().properties().get("TAGS"));
                assertThat(decoded.getProperty(RecordSeal.PROPERTY)).matches("[0-9]{10}");
                assertThat(handle.view().hasValidBodyCrc()).isTrue();
            }
        }
    }

    @Test
    void sealCatchesAFlippedBitAnywhere() throws IOException {
        try (CommitLog log = open()) {
            AppendedRecord record = log.append(TestMessages.message(new Random(4), "topicA", 0, 200), 0);
            byte[] good;
            try (RecordHandle handle = log.read(record.offset())) {
                good = bytes(handle.record());
            }
            assertThat(RecordSeal.verify(ByteBuffer.wrap(good), 0, good.length)).isTrue();
            Random random = new Random(5);
            for (int i = 0; i < good.length; i++) {
                byte[] bad = good.clone();
                bad[i] ^= (byte) (1 << random.nextInt(8));
                assertThat(RecordSeal.verify(ByteBuffer.wrap(bad), 0, bad.length)).as("flip at %d", i).isFalse();
                assertThatThrownBy(() -> RecordVerifier.verify(ByteBuffer.wrap(bad), 0, record.offset()))
                        .isInstanceOf(MalformedMessageException.class);
            }
        }
    }

    @Test
    void sealPlaceholderReplacesASendersOwnSealProperty() {
        assertThat(RecordSeal.withPlaceholder("")).isEqualTo("__KCRC\u00010000000000");
        assertThat(RecordSeal.withPlaceholder("A\u0001b")).isEqualTo("A\u0001b\u0002__KCRC\u00010000000000");
        assertThat(RecordSeal.withPlaceholder("__KCRC\u00011234567890\u0002A\u0001b"))
                .isEqualTo("A\u0001b\u0002__KCRC\u00010000000000");
    }

    @Test
    void refusesMessagesWithoutTheSealOrTooLargeForASegment() throws IOException {
        try (CommitLog log = open()) {
            StorableMessage unsealed = StorableMessage.builder().topic("t").body(new byte[1])
                    .bornHost(TestMessages.BORN).storeHost(TestMessages.STORE).build();
            assertThatThrownBy(() -> log.append(unsealed, 0)).isInstanceOf(MalformedMessageException.class);
            StorableMessage huge = StorableMessage.builder().topic("t").body(new byte[SEGMENT])
                    .properties(RecordSeal.withPlaceholder("")).bornHost(TestMessages.BORN)
                    .storeHost(TestMessages.STORE).build();
            assertThatThrownBy(() -> log.append(huge, 0)).isInstanceOf(MalformedMessageException.class);
            assertThat(log.maxOffset()).isZero();
        }
    }

    @Test
    void truncateThenAppendContinuesCleanly() throws IOException {
        Random random = new Random(6);
        List<AppendedRecord> appended;
        try (CommitLog log = open()) {
            appended = fill(log, random, 150);
        }
        AppendedRecord cut = appended.get(100);
        try (CommitLog log = open()) {
            log.truncate(cut.offset());
            assertThat(log.maxOffset()).isEqualTo(cut.offset());
            assertThat(log.read(cut.offset())).isNull();
            AppendedRecord next = log.append(TestMessages.message(random, "topicB", 0, 100), 7);
            assertThat(next.offset()).isEqualTo(cut.offset());
        }
        try (CommitLog log = open()) {
            List<StoredMessageView> tail = new ArrayList<>();
            RecordWalker.Result result = RecoveryScan.recover(log, appended.get(99).offset(),
                    (offset, view) -> tail.add(view));
            assertThat(result.damaged()).isFalse();
            assertThat(result.records()).isEqualTo(2);
            assertThat(log.read(cut.offset()).view().topic()).isEqualTo("topicB");
        }
    }

    @Test
    void flushTargetReportsWrittenAndFlushedPositions() throws IOException {
        try (CommitLog log = open()) {
            fill(log, new Random(7), 60);
            assertThat(log.writtenPosition()).isEqualTo(log.maxOffset());
            assertThat(log.flushedPosition()).isZero();
            assertThat(log.dirtyBytes()).isEqualTo(log.maxOffset());
            assertThat(log.force()).isEqualTo(log.maxOffset());
            assertThat(log.dirtyBytes()).isZero();
        }
    }

    @Test
    void recoveryAfterABlankAtTheVeryEndRollsOnTheNextAppend() throws IOException {
        Random random = new Random(8);
        long rolledAt;
        try (CommitLog log = open()) {
            List<AppendedRecord> appended = fill(log, random, 40);
            rolledAt = log.segments().last().baseOffset();
            // drop the newest segment's records: the log now ends right after the blank
            log.truncate(rolledAt);
            assertThat(appended).anyMatch(r -> r.offset() == rolledAt);
        }
        try (CommitLog log = open()) {
            RecordWalker.Result result = RecoveryScan.recover(log, 0, (offset, view) -> { });
            assertThat(result.endOffset()).isEqualTo(rolledAt);
            AppendedRecord next = log.append(TestMessages.message(random, "topicC", 0, 100), 0);
            assertThat(next.offset()).isEqualTo(rolledAt);
        }
    }
}
