package io.karrier.protocol.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * A message ready to become a stored record: every field except the three the store assigns under
 * its append lock (queue offset, physical offset, store timestamp), with the topic and properties
 * already UTF-8 encoded and the body CRC already computed, so that appending is a bounded copy.
 *
 * <p>The broker builds one from a SEND_MESSAGE_V2 request (header fields + body) on the send pool;
 * the store calls {@link #recordSize()} to check segment space and
 * {@link StoredMessageEncoder#write} to append it.
 *
 * <p>Immutable once built and safe to hand between threads, provided the body buffer given to the
 * builder is not changed afterwards: the body is kept by reference, never copied.
 */
public final class StorableMessage {

    private final String topic;
    private final byte[] topicBytes;
    private final String properties;
    private final byte[] propertiesBytes;
    private final ByteBuffer body;
    private final int bodyCrc;
    private final int queueId;
    private final int flag;
    private final int sysFlag;
    private final long bornTimestamp;
    private final HostAddress bornHost;
    private final HostAddress storeHost;
    private final int reconsumeTimes;
    private final long preparedTransactionOffset;
    private final int recordSize;

    private StorableMessage(Builder builder) {
        topic = Objects.requireNonNull(builder.topic, "topic");
        topicBytes = topic.getBytes(StandardCharsets.UTF_8);
        properties = builder.properties;
        propertiesBytes = MessageProperties.toBytes(properties);
        ByteBuffer given = Objects.requireNonNull(builder.body, "body").slice();
        // CRC before hiding the array: CRC32 reads a read-only buffer byte by byte through a copy.
        bodyCrc = BodyCrc.of(given);
        body = given.asReadOnlyBuffer();
        bornHost = Objects.requireNonNull(builder.bornHost, "bornHost");
        storeHost = Objects.requireNonNull(builder.storeHost, "storeHost");
        queueId = builder.queueId;
        flag = builder.flag;
        // the host bits must describe the hosts actually written, whatever the caller passed
        int hostBits = (bornHost.isIpv6() ? MessageSysFlag.BORNHOST_V6 : 0)
                | (storeHost.isIpv6() ? MessageSysFlag.STOREHOSTADDRESS_V6 : 0);
        sysFlag = builder.sysFlag & ~(MessageSysFlag.BORNHOST_V6 | MessageSysFlag.STOREHOSTADDRESS_V6) | hostBits;
        bornTimestamp = builder.bornTimestamp;
        reconsumeTimes = builder.reconsumeTimes;
        preparedTransactionOffset = builder.preparedTransactionOffset;
        recordSize = StoredMessageLayout.recordSize(sysFlag, body.remaining(), topicBytes.length,
                propertiesBytes.length);
    }

    /**
     * Starts a message.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the TOTALSIZE of the record this message becomes */
    public int recordSize() {
        return recordSize;
    }

    /** @return the topic */
    public String topic() {
        return topic;
    }

    /** @return the properties string */
    public String properties() {
        return properties;
    }

    /** @return the body as stored (maybe compressed), a read-only view sharing the caller's bytes */
    public ByteBuffer body() {
        return body.duplicate();
    }

    /** @return the body CRC as the record stores it ({@link BodyCrc}) */
    public int bodyCrc() {
        return bodyCrc;
    }

    /** @return the queue id */
    public int queueId() {
        return queueId;
    }

    /** @return the user's flag */
    public int flag() {
        return flag;
    }

    /** @return the sysFlag, with the host v6 bits matching the hosts */
    public int sysFlag() {
        return sysFlag;
    }

    /** @return the producer's timestamp, ms */
    public long bornTimestamp() {
        return bornTimestamp;
    }

    /** @return the producer's address */
    public HostAddress bornHost() {
        return bornHost;
    }

    /** @return the broker's listen address */
    public HostAddress storeHost() {
        return storeHost;
    }

    /** @return how many times the message was consumed again */
    public int reconsumeTimes() {
        return reconsumeTimes;
    }

    /** @return the half-message offset of a commit record, else 0 */
    public long preparedTransactionOffset() {
        return preparedTransactionOffset;
    }

    byte[] topicBytes() {
        return topicBytes;
    }

    byte[] propertiesBytes() {
        return propertiesBytes;
    }

    ByteBuffer bodyBuffer() {
        return body;
    }

    /** Collects the fields of a {@link StorableMessage}. Not thread-safe; use once. */
    public static final class Builder {
        private String topic;
        private String properties = "";
        private ByteBuffer body;
        private int queueId;
        private int flag;
        private int sysFlag;
        private long bornTimestamp;
        private HostAddress bornHost;
        private HostAddress storeHost;
        private int reconsumeTimes;
        private long preparedTransactionOffset;

        private Builder() {
        }

        /** @param value the topic, 1 to 127 UTF-8 bytes @return this builder */
        public Builder topic(String value) {
            topic = value;
            return this;
        }

        /** @param value the properties string, at most 32767 UTF-8 bytes @return this builder */
        public Builder properties(String value) {
            properties = value == null ? "" : value;
            return this;
        }

        /** @param value the properties, formatted with {@link MessageProperties#format} @return this builder */
        public Builder properties(Map<String, String> value) {
            properties = MessageProperties.format(value);
            return this;
        }

        /** @param value the body between position and limit; kept by reference @return this builder */
        public Builder body(ByteBuffer value) {
            body = value;
            return this;
        }

        /** @param value the body; kept by reference @return this builder */
        public Builder body(byte[] value) {
            body = ByteBuffer.wrap(value);
            return this;
        }

        /** @param value the queue id @return this builder */
        public Builder queueId(int value) {
            queueId = value;
            return this;
        }

        /** @param value the user's flag @return this builder */
        public Builder flag(int value) {
            flag = value;
            return this;
        }

        /** @param value the sysFlag; its host v6 bits are replaced to match the hosts @return this builder */
        public Builder sysFlag(int value) {
            sysFlag = value;
            return this;
        }

        /** @param value the producer's timestamp, ms @return this builder */
        public Builder bornTimestamp(long value) {
            bornTimestamp = value;
            return this;
        }

        /** @param value the producer's address @return this builder */
        public Builder bornHost(HostAddress value) {
            bornHost = value;
            return this;
        }

        /** @param value the broker's listen address @return this builder */
        public Builder storeHost(HostAddress value) {
            storeHost = value;
            return this;
        }

        /** @param value how many times the message was consumed again @return this builder */
        public Builder reconsumeTimes(int value) {
            reconsumeTimes = value;
            return this;
        }

        /** @param value the half-message offset of a commit record @return this builder */
        public Builder preparedTransactionOffset(long value) {
            preparedTransactionOffset = value;
            return this;
        }

        /**
         * Validates the lengths, encodes topic and properties and computes the body CRC.
         *
         * @return the message
         * @throws NullPointerException      when topic, body or a host is missing
         * @throws MalformedMessageException when the topic is empty or over 127 bytes, the
         *                                   properties over 32767 bytes, or the record too large
         */
        public StorableMessage build() {
            return new StorableMessage(this);
        }
    }
}
