package io.karrier.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a record can be bad ends in a {@link MalformedMessageException} with a reason. */
class StoredMessageValidationTest {

    private static final HostAddress V4 = HostAddress.of(new byte[] {10, 0, 0, 1}, 10911);

    private static ByteBuffer record(String topic, String body, Map<String, String> properties) {
        StorableMessage message = StorableMessage.builder().topic(topic).body(body.getBytes())
                .properties(properties).bornHost(V4).storeHost(V4).build();
        ByteBuffer buffer = ByteBuffer.allocate(message.recordSize());
        StoredMessageEncoder.write(buffer, message, 1, 2, 3);
        return buffer.flip();
    }

    private static ByteBuffer sample() {
        return record("TopicA", "hello", Map.of("TAGS", "t"));
    }

    private static int bodyLengthIndex() {
        return StoredMessageLayout.bodyLengthOffset(0);
    }

    @Test
    void everyTruncationIsReportedNotThrownAsIndexError() {
        ByteBuffer full = sample();
        for (int length = 0; length < full.limit(); length++) {
            ByteBuffer cut = full.duplicate().limit(length);
            assertThatThrownBy(() -> StoredMessageDecoder.decode(cut, 0))
                    .as("cut at %d", length)
                    .isInstanceOf(MalformedMessageException.class)
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void badMagicIsNamed() {
        ByteBuffer buffer = sample();
        buffer.putInt(StoredMessageLayout.MAGIC_OFFSET, 0x12345678);
        assertThatThrownBy(() -> StoredMessageDecoder.decode(buffer, 0))
                .isInstanceOf(MalformedMessageException.class).hasMessage("bad magic code 0x12345678 at index 0");
    }

    @Test
    void blankFillerIsNotAMessage() {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        StoredMessageEncoder.writeBlank(buffer, 64);
        assertThat(StoredMessageDecoder.isBlank(buffer, 0)).isTrue();
        assertThat(buffer.getInt(0)).isEqualTo(64);
        assertThat(buffer.position()).isEqualTo(64);
        assertThatThrownBy(() -> StoredMessageDecoder.decode(buffer, 0))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("end-of-segment blank");
        assertThat(StoredMessageDecoder.isBlank(sample(), 0)).isFalse();
        assertThat(StoredMessageDecoder.isBlank(ByteBuffer.allocate(4), 0)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 8, 90})
    void totalSizeBelowMinimum(int totalSize) {
        ByteBuffer buffer = sample();
        buffer.putInt(0, totalSize);
        assertThatThrownBy(() -> StoredMessageDecoder.decode(buffer, 0))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("below the minimum record size 91");
    }

    @Test
    void totalSizeBeyondBuffer() {
        ByteBuffer buffer = sample();
        buffer.putInt(0, Integer.MAX_VALUE);
        assertThatThrownBy(() -> StoredMessageDecoder.decode(buffer, 0))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("truncated record: TOTALSIZE");
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1})
    void negativeBodyLength(int length) {
        ByteBuffer buffer = sample();
        buffer.putInt(bodyLengthIndex(), length);
        assertThatThrownBy(() -> StoredMessageDecoder.decode(buffer, 0))
                .isInstanceOf(MalformedMessageException.class).hasMessage("body length " + length + " is negative");
    }

    @ParameterizedTest
    @ValueSource(ints = {18, 1000, Integer.MAX_VALUE})
    void bodyLengthOverflowingTheRecord(int length) {
        ByteBuffer buffer = sample();
        buffer.putInt(bodyLengthIndex(), length);
        assertThatThrownBy(() -> StoredMessageDecoder.decode(buffer, 0))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("body length " + length + " exceeds");
    }

    @Test
    void topicLengthNegativeZeroOrTooLong() {
        int topicLengthIndex = bodyLengthIndex() + 4 + 5;
        ByteBuffer negative = sample();
        negative.put(topicLengthIndex, (byte) -3);
        assertThatThrownBy(() -> StoredMessageDecoder.decode(negative, 0))
                .isInstanceOf(MalformedMessageException.class).hasMessage("topic length -3 is negative");
        ByteBuffer empty = sample();
        empty.put(topicLengthIndex, (byte) 0);
        assertThatThrownBy(() -> StoredMessageDecoder.decode(empty, 0))
                .isInstanceOf(MalformedMessageException.class).hasMessage("empty topic");
        ByteBuffer tooLong = sample();
        tooLong.put(topicLengthIndex, (byte) 100);
        assertThatThrownBy(() -> StoredMessageDecoder.decode(tooLong, 0))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("topic length 100 exceeds");
    }

    @Test
    void propertiesLengthNegativeOrOverflowing() {
        int propertiesLengthIndex = bodyLengthIndex() + 4 + 5 + 1 + 6;
        ByteBuffer negative = sample();
        negative.putShort(propertiesLengthIndex, (short) -1);
        assertThatThrownBy(() -> StoredMessageDecoder.decode(negative, 0))
                .isInstanceOf(MalformedMessageException.class).hasMessage("properties length -1 is negative");
        ByteBuffer overflowing = sample();
        overflowing.putShort(propertiesLengthIndex, (short) 7);
        assertThatThrownBy(() -> StoredMessageDecoder.decode(overflowing, 0))
                .isInstanceOf(MalformedMessageException.class).hasMessage("properties length 7 exceeds the 6 bytes left in the record");
    }

    @Test
    void fieldsShorterThanTotalSize() {
        ByteBuffer record = sample();
        ByteBuffer padded = ByteBuffer.allocate(record.limit() + 3).put(record);
        padded.putInt(0, padded.capacity()).clear();
        assertThatThrownBy(() -> StoredMessageDecoder.decode(padded, 0))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("disagrees with the fields");
    }

    @Test
    void ipv6FlagsThatDoNotFitTheRecord() {
        ByteBuffer buffer = record("T", "", Map.of());
        buffer.putInt(StoredMessageLayout.SYS_FLAG_OFFSET,
                MessageSysFlag.BORNHOST_V6 | MessageSysFlag.STOREHOSTADDRESS_V6);
        assertThatThrownBy(() -> StoredMessageDecoder.decode(buffer, 0))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("too small for the IPv6 hosts");
    }

    @Test
    void badIndexAndBadRecordInAPullBody() {
        assertThatThrownBy(() -> StoredMessageDecoder.decode(sample(), -1))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("truncated");
        ByteBuffer two = ByteBuffer.allocate(2 * sample().limit() - 1);
        two.put(sample()).put(sample().limit(sample().limit() - 1)).flip();
        assertThatThrownBy(() -> StoredMessageDecoder.decodeAll(two))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("truncated");
    }

    @Test
    void secondMagicWithTwoByteTopicLengthIsRead() {
        // a 5.x v2 record: same fields, magic 0xDAA320AB and the topic length as int16
        ByteBuffer v1 = sample();
        int topicLengthIndex = bodyLengthIndex() + 4 + 5;
        ByteBuffer v2 = ByteBuffer.allocate(v1.limit() + 1);
        v2.put(v1.duplicate().limit(topicLengthIndex)).putShort((short) 6)
                .put(v1.duplicate().position(topicLengthIndex + 1)).flip();
        v2.putInt(0, v2.limit()).putInt(StoredMessageLayout.MAGIC_OFFSET, StoredMessageLayout.MAGIC_V2);

        StoredMessageView view = StoredMessageDecoder.decode(v2, 0);

        assertThat(view.magic()).isEqualTo(StoredMessageLayout.MAGIC_V2);
        assertThat(view.topic()).isEqualTo("TopicA");
        assertThat(view.properties()).containsExactly(Map.entry("TAGS", "t"));
        assertThat(new String(view.bodyBytes())).isEqualTo("hello");
    }

    @Test
    void corruptedBodyFailsTheCrcCheckOnly() {
        ByteBuffer buffer = sample();
        buffer.put(bodyLengthIndex() + 4, (byte) 'j');
        StoredMessageView view = StoredMessageDecoder.decode(buffer, 0);
        assertThat(view.hasValidBodyCrc()).isFalse();
        assertThat(StoredMessageDecoder.decode(sample(), 0).hasValidBodyCrc()).isTrue();
    }
}
