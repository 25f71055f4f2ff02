package io.karrier.protocol.message;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The offset message id (REMOTING.md §6.4): where a record lives, as the broker returns it in a
 * send response ({@code msgId}) and clients call {@code offsetMsgId}. Encoded as upper-case hex of
 * the store host's address bytes, its port (int32) and the record's commit-log offset (int64):
 * 32 characters for IPv4, 56 for IPv6; the length tells the two apart when parsing.
 *
 * <p>Clients send it back for VIEW_MESSAGE_BY_ID and END_TRANSACTION. Immutable; thread-safe.
 *
 * @param storeHost       the broker's listen address
 * @param commitLogOffset the record's PHYSICALOFFSET
 */
public record OffsetMessageId(HostAddress storeHost, long commitLogOffset) {

    /** Length of the id of a record stored by an IPv4 broker. */
    public static final int IPV4_ID_LENGTH = 32;
    /** Length of the id of a record stored by an IPv6 broker. */
    public static final int IPV6_ID_LENGTH = 56;

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    /**
     * Creates an id.
     *
     * @param storeHost       the broker's listen address
     * @param commitLogOffset the record's commit-log offset
     */
    public OffsetMessageId {
        Objects.requireNonNull(storeHost, "storeHost");
    }

    /**
     * Parses an id as clients send it; either case of hex digits is accepted.
     *
     * @param id the id
     * @return the host and offset it names
     * @throws MalformedMessageException when it is not 32 or 56 hex characters
     */
    public static OffsetMessageId parse(String id) {
        if (id == null || (id.length() != IPV4_ID_LENGTH && id.length() != IPV6_ID_LENGTH)) {
            throw new MalformedMessageException("a message id has " + IPV4_ID_LENGTH + " or " + IPV6_ID_LENGTH
                    + " hex characters, not " + (id == null ? "null" : String.valueOf(id.length())));
        }
        byte[] bytes;
        try {
            bytes = HEX.parseHex(id);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("message id " + id + " is not hex");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        boolean ipv6 = id.length() == IPV6_ID_LENGTH;
        HostAddress host = HostAddress.read(buffer, 0, ipv6);
        return new OffsetMessageId(host, buffer.getLong(host.encodedLength()));
    }

    /**
     * The id as text.
     *
     * @return upper-case hex, 32 or 56 characters
     */
    public String encode() {
        ByteBuffer buffer = ByteBuffer.allocate(storeHost.encodedLength() + 8);
        storeHost.write(buffer, 0);
        buffer.putLong(storeHost.encodedLength(), commitLogOffset);
        return HEX.formatHex(buffer.array());
    }

    /** @return {@link #encode()} */
    @Override
    public String toString() {
        return encode();
    }
}
