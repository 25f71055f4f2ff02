package io.karrier.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageBatch;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SEND_BATCH_MESSAGE bodies against RocketMQ's MessageBatch.encode and MessageDecoder.decodeMessages. */
class BatchBodyCodecTest {

    private static List<Message> randomBatch(long seed) {
        RandomMessages random = new RandomMessages(seed);
        int count = 1 + random.random().nextInt(20);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message message = new Message("BatchTopic", random.text(10), random.text(10), random.body());
            message.setFlag(random.random().nextInt());
            MessageClientIDSetter.setUniqID(message);
            Map<String, String> extra = random.properties();
            extra.forEach((name, value) -> MessageAccessor.putProperty(message, name, value));
            messages.add(message);
        }
        return messages;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void weDecodeTheClientsBatch(long seed) {
        List<Message> messages = randomBatch(seed);
        byte[] body = MessageBatch.generateFromList(messages).encode();

        List<BatchItem> items = BatchBodyCodec.decode(ByteBuffer.wrap(body));

        assertThat(items).hasSameSizeAs(messages);
        for (int i = 0; i < items.size(); i++) {
            assertThat(items.get(i).flag()).isEqualTo(messages.get(i).getFlag());
            assertThat(items.get(i).bodyBytes()).isEqualTo(messages.get(i).getBody());
            assertThat(items.get(i).propertyMap()).isEqualTo(messages.get(i).getProperties());
        }
        assertThat(BatchBodyCodec.encode(items)).as("re-encoding gives the client's bytes").isEqualTo(ByteBuffer.wrap(body));
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25, 26, 27, 28, 29, 30})
    void rocketmqDecodesOurBatch(long seed) throws Exception {
        RandomMessages random = new RandomMessages(seed);
        List<BatchItem> items = new ArrayList<>();
        for (int i = 0; i < 1 + random.random().nextInt(20); i++) {
            items.add(BatchItem.of(random.random().nextInt(), random.body(), random.properties()));
        }

        List<Message> decoded = MessageDecoder.decodeMessages(BatchBodyCodec.encode(items));

        assertThat(decoded).hasSameSizeAs(items);
        for (int i = 0; i < items.size(); i++) {
            assertThat(decoded.get(i).getFlag()).isEqualTo(items.get(i).flag());
            assertThat(decoded.get(i).getBody()).isEqualTo(items.get(i).bodyBytes());
            assertThat(decoded.get(i).getProperties()).isEqualTo(items.get(i).propertyMap());
        }
    }

    @Test
    void emptyBodyHasNoItems() {
        assertThat(BatchBodyCodec.decode(ByteBuffer.allocate(0))).isEmpty();
        assertThat(BatchBodyCodec.encode(List.of()).remaining()).isZero();
    }

    @Test
    void decodedBodiesAreSlicesNotCopies() {
        ByteBuffer body = BatchBodyCodec.encode(List.of(BatchItem.of(1, new byte[] {5, 6}, Map.of("K", "v"))));
        BatchItem item = BatchBodyCodec.decode(body).get(0);
        body.put(20, (byte) 9);
        assertThat(item.bodyBytes()).containsExactly(9, 6);
        assertThat(item.body().isReadOnly()).isTrue();
        assertThat(item.properties()).isEqualTo("K\u0001v");
    }

    @Test
    void everyTruncationIsReported() {
        ByteBuffer body = BatchBodyCodec.encode(List.of(BatchItem.of(1, new byte[] {1, 2, 3}, Map.of("K", "v")),
                BatchItem.of(2, new byte[0], Map.of())));
        int firstItem = body.getInt(0);
        assertThat(BatchBodyCodec.decode(body.duplicate().limit(firstItem))).as("cut between items").hasSize(1);
        for (int length = 1; length < body.limit(); length++) {
            if (length == firstItem) {
                continue;
            }
            ByteBuffer cut = body.duplicate().limit(length);
            assertThatThrownBy(() -> BatchBodyCodec.decode(cut)).as("cut at %d", length)
                    .isInstanceOf(MalformedMessageException.class).hasMessageStartingWith("batch item ");
        }
    }

    @Test
    void inconsistentLengthsAreReported() {
        ByteBuffer valid = BatchBodyCodec.encode(List.of(BatchItem.of(1, new byte[] {1, 2, 3}, Map.of("K", "v"))));

        ByteBuffer hugeSize = copy(valid);
        hugeSize.putInt(0, Integer.MAX_VALUE);
        assertThatThrownBy(() -> BatchBodyCodec.decode(hugeSize)).isInstanceOf(MalformedMessageException.class)
                .hasMessage("batch item 0 has TOTALSIZE 2147483647 with 28 bytes left");
        ByteBuffer smallSize = copy(valid);
        smallSize.putInt(0, 3);
        assertThatThrownBy(() -> BatchBodyCodec.decode(smallSize)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("TOTALSIZE 3");
        ByteBuffer bodyTooLong = copy(valid);
        bodyTooLong.putInt(16, 100);
        assertThatThrownBy(() -> BatchBodyCodec.decode(bodyTooLong)).isInstanceOf(MalformedMessageException.class)
                .hasMessage("batch item 0 has body length 100 but 6 bytes fit in it");
        ByteBuffer negativeBody = copy(valid);
        negativeBody.putInt(16, -1);
        assertThatThrownBy(() -> BatchBodyCodec.decode(negativeBody)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("body length -1");
        ByteBuffer propertiesTooLong = copy(valid);
        propertiesTooLong.putShort(23, (short) 30);
        assertThatThrownBy(() -> BatchBodyCodec.decode(propertiesTooLong)).isInstanceOf(MalformedMessageException.class)
                .hasMessage("batch item 0 has properties length 30 but 3 bytes are left in it");
        ByteBuffer negativeProperties = copy(valid);
        negativeProperties.putShort(23, (short) -2);
        assertThatThrownBy(() -> BatchBodyCodec.decode(negativeProperties)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("properties length -2");
    }

    @Test
    void oversizedPropertiesAreRefusedOnEncoding() {
        BatchItem item = new BatchItem(0, ByteBuffer.allocate(0), "K\u0001" + "v".repeat(32766));
        assertThatThrownBy(() -> BatchBodyCodec.encode(List.of(item))).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("32768 bytes");
    }

    private static ByteBuffer copy(ByteBuffer buffer) {
        ByteBuffer copy = ByteBuffer.allocate(buffer.remaining());
        copy.put(buffer.duplicate()).flip();
        return copy;
    }
}
