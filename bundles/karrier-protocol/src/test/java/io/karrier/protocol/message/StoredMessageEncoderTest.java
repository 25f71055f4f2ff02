package io.karrier.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/** Sizes, limits, patching and the no-copy contract of the encoder. */
class StoredMessageEncoderTest {

    private static final HostAddress V4 = HostAddress.of(new byte[] {127, 0, 0, 1}, 10911);
    private static final HostAddress V6 = HostAddress.of(new byte[] {0x20, 1, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 1}, 10911);

    private static StorableMessage.Builder message() {
        return StorableMessage.builder().topic("TopicTest").body(new byte[] {1, 2, 3}).bornHost(V4).storeHost(V4);
    }

    @Test
    void fieldOffsetsMatchRocketmq() {
        assertThat(StoredMessageLayout.MAGIC_V1).isEqualTo(MessageDecoder.MESSAGE_MAGIC_CODE).isEqualTo(-626843481);
        assertThat(StoredMessageLayout.MAGIC_V2).isEqualTo(-626843477);
        assertThat(StoredMessageLayout.BLANK_MAGIC).isEqualTo(-875286124);
        assertThat(StoredMessageLayout.MAGIC_OFFSET).isEqualTo(MessageDecoder.MESSAGE_MAGIC_CODE_POSTION);
        assertThat(StoredMessageLayout.FLAG_OFFSET).isEqualTo(MessageDecoder.MESSAGE_FLAG_POSTION);
        assertThat(StoredMessageLayout.QUEUE_OFFSET_OFFSET).isEqualTo(MessageDecoder.QUEUE_OFFSET_POSITION);
        assertThat(StoredMessageLayout.PHYSICAL_OFFSET_OFFSET).isEqualTo(MessageDecoder.PHY_POS_POSITION);
        assertThat(StoredMessageLayout.SYS_FLAG_OFFSET).isEqualTo(MessageDecoder.SYSFLAG_POSITION);
        assertThat(StoredMessageLayout.storeTimestampOffset(0)).isEqualTo(56);
        assertThat(StoredMessageLayout.storeTimestampOffset(MessageSysFlag.BORNHOST_V6)).isEqualTo(68);
        assertThat(StoredMessageLayout.bodyLengthOffset(0)).isEqualTo(84);
        assertThat(StoredMessageLayout.bodyLengthOffset(0x30)).isEqualTo(108);
    }

    @Test
    void recordSizeIsTheFixedPartPlusTheVariableOnes() {
        assertThat(StoredMessageLayout.recordSize(0, 0, 1, 0)).isEqualTo(StoredMessageLayout.MIN_RECORD_SIZE_IPV4 + 1);
        assertThat(StoredMessageLayout.recordSize(0x30, 10, 5, 7)).isEqualTo(91 + 24 + 10 + 5 + 7);
        assertThatThrownBy(() -> StoredMessageLayout.recordSize(0, Integer.MAX_VALUE, 127, 32767))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("does not fit TOTALSIZE");
        assertThatThrownBy(() -> StoredMessageLayout.recordSize(0, -1, 1, 0))
                .isInstanceOf(MalformedMessageException.class).hasMessage("negative body length -1");
        assertThatThrownBy(() -> StoredMessageLayout.recordSize(0, 0, 1, -1))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("properties of -1 bytes");
    }

    @Test
    void topicAndPropertiesLimits() throws Exception {
        String longestTopic = "中".repeat(42) + "a"; // 127 UTF-8 bytes
        String longestProperties = "K\u0001" + "v".repeat(32765);
        StorableMessage largest = message().topic(longestTopic).properties(longestProperties).build();
        ByteBuffer buffer = ByteBuffer.allocate(largest.recordSize());
        StoredMessageEncoder.write(buffer, largest, 0, 0, 0);
        MessageExt theirs = MessageDecoder.decode(buffer.flip(), true, true);
        assertThat(theirs.getTopic()).isEqualTo(longestTopic);
        assertThat(theirs.getProperty("K")).hasSize(32765);

        assertThatThrownBy(() -> message().topic(longestTopic + "b").build())
                .isInstanceOf(MalformedMessageException.class).hasMessage("topic of 128 bytes; it must have 1 to 127 bytes");
        assertThatThrownBy(() -> message().topic("").build())
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("topic of 0 bytes");
        assertThatThrownBy(() -> message().properties(longestProperties + "é").build())
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("properties of 32769 bytes");
    }

    @Test
    void writesAtThePositionAndPatchesFieldsAfterwards() {
        StorableMessage message = message().bornHost(V6).storeHost(V4).properties(Map.of("TAGS", "a")).build();
        ByteBuffer segment = ByteBuffer.allocateDirect(1000).position(100);

        int written = StoredMessageEncoder.write(segment, message, 0, 0, 0);

        assertThat(written).isEqualTo(message.recordSize());
        assertThat(segment.position()).isEqualTo(100 + written);
        StoredMessageEncoder.patchQueueOffset(segment, 100, 42);
        StoredMessageEncoder.patchPhysicalOffset(segment, 100, 1L << 40);
        StoredMessageEncoder.patchStoreTimestamp(segment, 100, 1_700_000_000_123L);
        StoredMessageView view = StoredMessageDecoder.decode(segment, 100);
        assertThat(view.queueOffset()).isEqualTo(42);
        assertThat(view.physicalOffset()).isEqualTo(1L << 40);
        assertThat(view.storeTimestamp()).isEqualTo(1_700_000_000_123L);
        assertThat(view.bornHost()).isEqualTo(V6);
        assertThat(view.storeHost()).isEqualTo(V4);
        assertThat(view.sysFlag()).isEqualTo(MessageSysFlag.BORNHOST_V6);
        assertThat(view.bodyBytes()).containsExactly(1, 2, 3);
        assertThat(view.offsetMessageId().commitLogOffset()).isEqualTo(1L << 40);
    }

    @Test
    void hostBitsFollowTheHostsNotTheCaller() {
        StorableMessage message = message().sysFlag(MessageSysFlag.STOREHOSTADDRESS_V6 | MessageSysFlag.MULTI_TAGS)
                .storeHost(V4).bornHost(V6).build();
        assertThat(message.sysFlag()).isEqualTo(MessageSysFlag.BORNHOST_V6 | MessageSysFlag.MULTI_TAGS);
    }

    @Test
    void aRecordThatDoesNotFitIsNotWrittenAtAll() {
        StorableMessage message = message().build();
        ByteBuffer small = ByteBuffer.allocate(message.recordSize() - 1);
        assertThatThrownBy(() -> StoredMessageEncoder.write(small, message, 0, 0, 0))
                .isInstanceOf(BufferOverflowException.class);
        assertThat(small.position()).isZero();
        assertThat(small.array()).containsOnly(0);
        assertThatThrownBy(() -> StoredMessageEncoder.writeBlank(small, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bodyBufferIsUsedFromItsPositionAndNotMoved() {
        ByteBuffer body = ByteBuffer.allocateDirect(16);
        body.put(new byte[] {9, 9, 7, 8}).flip().position(2);
        StorableMessage message = message().body(body).build();
        ByteBuffer target = ByteBuffer.allocate(message.recordSize());
        StoredMessageEncoder.write(target, message, 0, 0, 0);
        StoredMessageEncoder.write(ByteBuffer.allocate(message.recordSize()), message, 0, 0, 0);

        assertThat(body.position()).isEqualTo(2);
        StoredMessageView view = StoredMessageDecoder.decode(target.flip(), 0);
        assertThat(view.bodyBytes()).containsExactly(7, 8);
        assertThat(view.body().isReadOnly()).isTrue();
        assertThat(view.bodyCrc()).isEqualTo(org.apache.rocketmq.common.UtilAll.crc32(new byte[] {7, 8}));
    }

    @Test
    void missingFieldsAreNamed() {
        assertThatThrownBy(() -> StorableMessage.builder().body(new byte[0]).bornHost(V4).storeHost(V4).build())
                .isInstanceOf(NullPointerException.class).hasMessage("topic");
        assertThatThrownBy(() -> StorableMessage.builder().topic("T").bornHost(V4).storeHost(V4).build())
                .isInstanceOf(NullPointerException.class).hasMessage("body");
    }
}
