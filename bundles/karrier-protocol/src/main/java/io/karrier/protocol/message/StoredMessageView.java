package io.karrier.protocol.message;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * A validated stored-message record inside a buffer, as returned by
 * {@link StoredMessageDecoder#decode}. Every accessor reads the buffer at absolute indexes; nothing
 * is copied until a method says so ({@link #bodyBytes()}, {@link #topic()}, {@link #properties()}).
 *
 * <p>Thread-safe for reading as long as nobody changes the record's bytes (commit-log records are
 * never changed once the store has published them). The view is only as valid as the buffer: do
 * not keep it after the segment is unmapped.
 */
public final class StoredMessageView {

    private final ByteBuffer buffer;
    private final int start;
    private final int magic;
    private final int sysFlag;
    private final int bodyIndex;
    private final int bodyLength;
    private final int topicIndex;
    private final int topicLength;
    private final int propertiesIndex;
    private final int propertiesLength;

    StoredMessageView(ByteBuffer buffer, int start, int magic, int sysFlag, int bodyIndex, int bodyLength,
            int topicIndex, int topicLength, int propertiesIndex, int propertiesLength) {
        this.buffer = buffer;
        this.start = start;
        this.magic = magic;
        this.sysFlag = sysFlag;
        this.bodyIndex = bodyIndex;
        this.bodyLength = bodyLength;
        this.topicIndex = topicIndex;
        this.topicLength = topicLength;
        this.propertiesIndex = propertiesIndex;
        this.propertiesLength = propertiesLength;
    }

    /** @return absolute index of the record in its buffer */
    public int start() {
        return start;
    }

    /** @return TOTALSIZE */
    public int totalSize() {
        return buffer.getInt(start + StoredMessageLayout.TOTAL_SIZE_OFFSET);
    }

    /** @return the magic code, {@link StoredMessageLayout#MAGIC_V1} or {@link StoredMessageLayout#MAGIC_V2} */
    public int magic() {
        return magic;
    }

    /** @return BODYCRC as stored */
    public int bodyCrc() {
        return buffer.getInt(start + StoredMessageLayout.BODY_CRC_OFFSET);
    }

    /** @return QUEUEID */
    public int queueId() {
        return buffer.getInt(start + StoredMessageLayout.QUEUE_ID_OFFSET);
    }

    /** @return FLAG, the user's flag */
    public int flag() {
        return buffer.getInt(start + StoredMessageLayout.FLAG_OFFSET);
    }

    /** @return QUEUEOFFSET */
    public long queueOffset() {
        return buffer.getLong(start + StoredMessageLayout.QUEUE_OFFSET_OFFSET);
    }

    /** @return PHYSICALOFFSET, the commit-log offset of the record */
    public long physicalOffset() {
        return buffer.getLong(start + StoredMessageLayout.PHYSICAL_OFFSET_OFFSET);
    }

    /** @return SYSFLAG */
    public int sysFlag() {
        return sysFlag;
    }

    /** @return BORNTIMESTAMP, ms */
    public long bornTimestamp() {
        return buffer.getLong(start + StoredMessageLayout.BORN_TIMESTAMP_OFFSET);
    }

    /** @return BORNHOST */
    public HostAddress bornHost() {
        return HostAddress.read(buffer, start + StoredMessageLayout.BORN_HOST_OFFSET,
                MessageSysFlag.isBornHostV6(sysFlag));
    }

    /** @return STORETIMESTAMP, ms */
    public long storeTimestamp() {
        return buffer.getLong(start + StoredMessageLayout.storeTimestampOffset(sysFlag));
    }

    /** @return STOREHOSTADDRESS */
    public HostAddress storeHost() {
        return HostAddress.read(buffer, start + StoredMessageLayout.storeHostOffset(sysFlag),
                MessageSysFlag.isStoreHostV6(sysFlag));
    }

    /** @return RECONSUMETIMES */
    public int reconsumeTimes() {
        return buffer.getInt(start + StoredMessageLayout.reconsumeTimesOffset(sysFlag));
    }

    /** @return PREPAREDTRANSACTIONOFFSET */
    public long preparedTransactionOffset() {
        return buffer.getLong(start + StoredMessageLayout.preparedTransactionOffsetOffset(sysFlag));
    }

    /** @return BODYLEN */
    public int bodyLength() {
        return bodyLength;
    }

    /** @return the stored (maybe compressed) body: a read-only slice of the buffer, no copy */
    public ByteBuffer body() {
        return buffer.slice(bodyIndex, bodyLength).asReadOnlyBuffer();
    }

    /** @return a copy of the stored (maybe compressed) body */
    public byte[] bodyBytes() {
        byte[] bytes = new byte[bodyLength];
        buffer.get(bodyIndex, bytes);
        return bytes;
    }

    /**
     * The body as the producer sent it: inflated when the COMPRESSED bit is set.
     *
     * @param maxLength the largest inflated body accepted
     * @return a new array
     * @throws MalformedMessageException for LZ4/ZSTD, a corrupt body or one inflating past {@code maxLength}
     */
    public byte[] uncompressedBody(int maxLength) {
        return BodyCompression.decompress(sysFlag, body(), maxLength);
    }

    /** @return whether the stored body's CRC ({@link BodyCrc}) equals BODYCRC; reads the whole body */
    public boolean hasValidBodyCrc() {
        return BodyCrc.of(buffer.slice(bodyIndex, bodyLength)) == bodyCrc();
    }

    /** @return the topic, decoded from UTF-8 */
    public String topic() {
        return MessageProperties.decodeUtf8(buffer, topicIndex, topicLength);
    }

    /** @return the properties string, decoded from UTF-8 */
    public String propertiesString() {
        return MessageProperties.decodeUtf8(buffer, propertiesIndex, propertiesLength);
    }

    /** @return the properties, parsed as the 4.x client does, in stored order */
    public Map<String, String> properties() {
        return MessageProperties.parse(propertiesString());
    }

    /**
     * One property, without parsing the others.
     *
     * @param name the property name
     * @return the same as {@code properties().get(name)}
     */
    public String property(String name) {
        return MessageProperties.find(buffer, propertiesIndex, propertiesLength, name);
    }

    /**
     * Some properties in one pass over the properties string, without building the map.
     *
     * @param names the property names
     * @return per name, the same as {@code properties().get(name)}
     */
    public String[] properties(String... names) {
        String[] values = new String[names.length];
        MessageProperties.find(buffer, propertiesIndex, propertiesLength, names, values);
        return values;
    }

    /** @return the consume-queue tag code of this message ({@link TagHashCode}) */
    public long tagHashCode() {
        return TagHashCode.of(property(MessagePropertyKeys.TAGS));
    }

    /**
     * Whether the topic's stored bytes are these, without decoding it.
     *
     * @param utf8 the UTF-8 bytes of a topic, as {@link #topicBytes()} returns them
     * @return whether the record's topic bytes equal them
     */
    public boolean topicBytesEqual(byte[] utf8) {
        if (utf8.length != topicLength) {
            return false;
        }
        for (int i = 0; i < topicLength; i++) {
            if (buffer.get(topicIndex + i) != utf8[i]) {
                return false;
            }
        }
        return true;
    }

    /** @return a copy of the topic's stored (UTF-8) bytes */
    public byte[] topicBytes() {
        byte[] bytes = new byte[topicLength];
        buffer.get(topicIndex, bytes);
        return bytes;
    }

    /** @return the offset message id: store host + PHYSICALOFFSET */
    public OffsetMessageId offsetMessageId() {
        return new OffsetMessageId(storeHost(), physicalOffset());
    }

    /** @return a read-only slice of the whole record, to send as it is */
    public ByteBuffer recordBytes() {
        return buffer.slice(start, totalSize()).asReadOnlyBuffer();
    }
}
