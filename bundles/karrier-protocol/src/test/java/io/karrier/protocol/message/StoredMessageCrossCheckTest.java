package io.karrier.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.common.UtilAll;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stored records, both directions: written by us and read by RocketMQ's {@link MessageDecoder}, and
 * written by RocketMQ's {@link MessageDecoder#encode} and read by us, over random messages.
 */
class StoredMessageCrossCheckTest {

    /** One random message, with the fields both sides need. */
    record Case(String topic, Map<String, String> properties, byte[] originalBody, byte[] storedBody, int sysFlag,
            int queueId, int flag, long queueOffset, long physicalOffset, long bornTimestamp, HostAddress bornHost,
            long storeTimestamp, HostAddress storeHost, int reconsumeTimes, long preparedTransactionOffset) {

        static Case random(long seed) {
            RandomMessages random = new RandomMessages(seed);
            byte[] body = random.body();
            int sysFlag = random.sysFlagWithoutHosts();
            byte[] stored = body;
            if (random.random().nextInt(3) == 0) {
                stored = BodyCompression.deflate(body, BodyCompression.DEFAULT_LEVEL);
                // pre-4.9.4 clients set only bit 0; later ones add the zlib type
                sysFlag |= random.random().nextBoolean() ? MessageSysFlag.COMPRESSED
                        : MessageSysFlag.COMPRESSED | MessageSysFlag.COMPRESSION_ZLIB_TYPE;
            }
            HostAddress born = random.host(random.random().nextBoolean());
            HostAddress store = random.host(random.random().nextBoolean());
            sysFlag |= (born.isIpv6() ? MessageSysFlag.BORNHOST_V6 : 0)
                    | (store.isIpv6() ? MessageSysFlag.STOREHOSTADDRESS_V6 : 0);
            java.util.Random r = random.random();
            return new Case(random.topic(), random.properties(), body, stored, sysFlag, r.nextInt(1024), r.nextInt(),
                    r.nextLong() & Long.MAX_VALUE, r.nextLong() & Long.MAX_VALUE, r.nextLong(), born, r.nextLong(), store,
                    r.nextInt(17), r.nextBoolean() ? 0 : r.nextLong() & Long.MAX_VALUE);
        }

        StorableMessage ours() {
            return StorableMessage.builder().topic(topic).properties(properties).body(storedBody).sysFlag(sysFlag)
                    .queueId(queueId).flag(flag).bornTimestamp(bornTimestamp).bornHost(bornHost).storeHost(storeHost)
                    .reconsumeTimes(reconsumeTimes).preparedTransactionOffset(preparedTransactionOffset).build();
        }

        MessageExt theirs() {
            MessageExt message = new MessageExt();
            message.setTopic(topic);
            MessageAccessor.setProperties(message, new java.util.HashMap<>(properties));
            message.setBody(storedBody);
            message.setBodyCRC(UtilAll.crc32(storedBody));
            message.setSysFlag(sysFlag);
            message.setQueueId(queueId);
            message.setFlag(flag);
            message.setQueueOffset(queueOffset);
            message.setCommitLogOffset(physicalOffset);
            message.setBornTimestamp(bornTimestamp);
            message.setBornHost(bornHost.toSocketAddress());
            message.setStoreTimestamp(storeTimestamp);
            message.setStoreHost(storeHost.toSocketAddress());
            message.setReconsumeTimes(reconsumeTimes);
            message.setPreparedTransactionOffset(preparedTransactionOffset);
            return message;
        }

        ByteBuffer encodeOurs(boolean direct) {
            StorableMessage message = ours();
            ByteBuffer target = direct ? ByteBuffer.allocateDirect(message.recordSize()) : ByteBuffer.allocate(
                    message.recordSize());
            StoredMessageEncoder.write(target, message, queueOffset, physicalOffset, storeTimestamp);
            assertThat(target.hasRemaining()).isFalse();
            return target.flip();
        }
    }

    static List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        for (long seed = 0; seed < 300; seed++) {
            seeds.add(seed);
        }
        return seeds;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void rocketmqDecodesOurRecord(long seed) {
        Case c = Case.random(seed);
        ByteBuffer record = c.encodeOurs(seed % 2 == 0);

        MessageExt decoded = MessageDecoder.decode(record, true, true);

        assertThat(decoded).isNotNull();
        assertThat(record.hasRemaining()).as("their decoder consumed exactly our record").isFalse();
        assertThat(decoded.getStoreSize()).isEqualTo(c.ours().recordSize());
        assertThat(decoded.getTopic()).isEqualTo(c.topic());
        assertThat(decoded.getProperties()).isEqualTo(c.properties());
        assertThat(java.util.Objects.requireNonNullElse(decoded.getBody(), new byte[0])).as("inflated when compressed; RocketMQ leaves an empty body null").isEqualTo(c.originalBody());
        assertThat(decoded.getBodyCRC()).isEqualTo(UtilAll.crc32(c.storedBody()));
        assertThat(decoded.getSysFlag()).isEqualTo(c.sysFlag());
        assertThat(decoded.getQueueId()).isEqualTo(c.queueId());
        assertThat(decoded.getFlag()).isEqualTo(c.flag());
        assertThat(decoded.getQueueOffset()).isEqualTo(c.queueOffset());
        assertThat(decoded.getCommitLogOffset()).isEqualTo(c.physicalOffset());
        assertThat(decoded.getBornTimestamp()).isEqualTo(c.bornTimestamp());
        assertThat(decoded.getBornHost()).isEqualTo(c.bornHost().toSocketAddress());
        assertThat(decoded.getStoreTimestamp()).isEqualTo(c.storeTimestamp());
        assertThat(decoded.getStoreHost()).isEqualTo(c.storeHost().toSocketAddress());
        assertThat(decoded.getReconsumeTimes()).isEqualTo(c.reconsumeTimes());
        assertThat(decoded.getPreparedTransactionOffset()).isEqualTo(c.preparedTransactionOffset());
        assertThat(decoded.getMsgId()).isEqualTo(new OffsetMessageId(c.storeHost(), c.physicalOffset()).encode());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void singlePropertiesAndTopicBytesAgreeWithTheFullDecode(long seed) {
        Case c = Case.random(seed);
        StoredMessageView view = StoredMessageDecoder.decode(c.encodeOurs(seed % 2 == 0), 0);
        Map<String, String> all = view.properties();
        for (String name : all.keySet()) {
            assertThat(view.property(name)).isEqualTo(all.get(name));
        }
        String[] names = {MessagePropertyKeys.TAGS, MessagePropertyKeys.KEYS, MessagePropertyKeys.UNIQ_KEY, "absent"};
        String[] values = view.properties(names);
        for (int i = 0; i < names.length; i++) {
            assertThat(values[i]).isEqualTo(all.get(names[i])).isEqualTo(view.property(names[i]));
        }
        assertThat(view.tagHashCode()).isEqualTo(TagHashCode.of(all));
        byte[] topic = c.topic().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(view.topicBytes()).isEqualTo(topic);
        assertThat(view.topicBytesEqual(topic)).isTrue();
        assertThat(view.topicBytesEqual((c.topic() + "x").getBytes(java.nio.charset.StandardCharsets.UTF_8))).isFalse();
        topic[topic.length - 1] ^= 1;
        assertThat(view.topicBytesEqual(topic)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void weDecodeRocketmqRecord(long seed) throws Exception {
        Case c = Case.random(seed);
        byte[] bytes = MessageDecoder.encode(c.theirs(), false);
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length + 10).position(5);
        buffer.put(bytes).flip().position(5);

        StoredMessageView view = StoredMessageDecoder.decode(buffer, 5);

        assertThat(buffer.position()).as("decoding does not move the buffer").isEqualTo(5);
        assertThat(view.start()).isEqualTo(5);
        assertThat(view.totalSize()).isEqualTo(bytes.length).isEqualTo(c.ours().recordSize());
        assertThat(view.magic()).isEqualTo(MessageDecoder.MESSAGE_MAGIC_CODE);
        assertThat(view.topic()).isEqualTo(c.topic());
        assertThat(view.properties()).isEqualTo(c.properties());
        assertThat(view.bodyBytes()).isEqualTo(c.storedBody());
        assertThat(view.body()).isEqualTo(ByteBuffer.wrap(c.storedBody()));
        assertThat(view.uncompressedBody(1 << 20)).isEqualTo(c.originalBody());
        assertThat(view.bodyCrc()).isEqualTo(UtilAll.crc32(c.storedBody()));
        assertThat(view.hasValidBodyCrc()).isTrue();
        assertThat(view.sysFlag()).isEqualTo(c.sysFlag());
        assertThat(view.queueId()).isEqualTo(c.queueId());
        assertThat(view.flag()).isEqualTo(c.flag());
        assertThat(view.queueOffset()).isEqualTo(c.queueOffset());
        assertThat(view.physicalOffset()).isEqualTo(c.physicalOffset());
        assertThat(view.bornTimestamp()).isEqualTo(c.bornTimestamp());
        assertThat(view.bornHost()).isEqualTo(c.bornHost());
        assertThat(view.storeTimestamp()).isEqualTo(c.storeTimestamp());
        assertThat(view.storeHost()).isEqualTo(c.storeHost());
        assertThat(view.reconsumeTimes()).isEqualTo(c.reconsumeTimes());
        assertThat(view.preparedTransactionOffset()).isEqualTo(c.preparedTransactionOffset());
        assertThat(view.tagHashCode()).isEqualTo(TagHashCode.of(c.properties().get("TAGS")));
        assertThat(view.recordBytes()).isEqualTo(ByteBuffer.wrap(bytes));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void ourRecordIsByteForByteTheirs(long seed) throws Exception {
        Case c = Case.random(seed);
        // their encoder writes the properties in its HashMap's order, so give ours the same order
        Map<String, String> theirOrder = c.theirs().getProperties();
        Case sameOrder = new Case(c.topic(), new java.util.LinkedHashMap<>(theirOrder), c.originalBody(),
                c.storedBody(), c.sysFlag(), c.queueId(), c.flag(), c.queueOffset(), c.physicalOffset(),
                c.bornTimestamp(), c.bornHost(), c.storeTimestamp(), c.storeHost(), c.reconsumeTimes(),
                c.preparedTransactionOffset());

        ByteBuffer ours = sameOrder.encodeOurs(false);

        assertThat(ours.array()).isEqualTo(MessageDecoder.encode(c.theirs(), false));
    }

    @org.junit.jupiter.api.Test
    void pullBodiesOfManyRecordsDecodeBothWays() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (long seed = 1000; seed < 1040; seed++) {
            cases.add(Case.random(seed));
        }
        int size = cases.stream().mapToInt(c -> c.ours().recordSize()).sum();
        ByteBuffer ours = ByteBuffer.allocateDirect(size);
        for (Case c : cases) {
            StoredMessageEncoder.write(ours, c.ours(), c.queueOffset(), c.physicalOffset(), c.storeTimestamp());
        }
        ours.flip();
        List<MessageExt> theirView = MessageDecoder.decodes(ours.duplicate());
        assertThat(theirView).extracting(MessageExt::getTopic).containsExactlyElementsOf(
                cases.stream().map(Case::topic).toList());

        ByteBuffer theirs = ByteBuffer.allocate(size);
        for (Case c : cases) {
            theirs.put(MessageDecoder.encode(c.theirs(), false));
        }
        theirs.flip();
        List<StoredMessageView> ourView = StoredMessageDecoder.decodeAll(theirs);
        assertThat(ourView).extracting(StoredMessageView::physicalOffset).containsExactlyElementsOf(
                cases.stream().map(Case::physicalOffset).toList());
        assertThat(ourView).extracting(StoredMessageView::properties).containsExactlyElementsOf(
                cases.stream().map(Case::properties).toList());
    }
}
