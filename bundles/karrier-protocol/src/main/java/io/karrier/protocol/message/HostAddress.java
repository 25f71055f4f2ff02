package io.karrier.protocol.message;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An IP address and port as a record stores them (born host, store host) and as the offset message
 * id embeds them: the raw address bytes (4 for IPv4, 16 for IPv6) followed by the port as int32.
 *
 * <p>Kept as bytes rather than {@link InetSocketAddress} so that encoding never resolves names and
 * decoding never allocates more than the array. Immutable and thread-safe.
 */
public final class HostAddress {

    /** Encoded length of an IPv4 host: 4 address bytes + 4 port bytes. */
    public static final int IPV4_ENCODED_LENGTH = 8;
    /** Encoded length of an IPv6 host: 16 address bytes + 4 port bytes. */
    public static final int IPV6_ENCODED_LENGTH = 20;

    private final byte[] ip;
    private final int port;

    private HostAddress(byte[] ip, int port) {
        this.ip = ip;
        this.port = port;
    }

    /**
     * A host from raw address bytes.
     *
     * @param ip   4 or 16 bytes (copied)
     * @param port the port; stored as int32, as RocketMQ does
     * @return the host
     * @throws IllegalArgumentException when {@code ip} is neither 4 nor 16 bytes long
     */
    public static HostAddress of(byte[] ip, int port) {
        if (ip.length != 4 && ip.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + ip.length);
        }
        return new HostAddress(ip.clone(), port);
    }

    /**
     * A host from a socket address; the address must be resolved.
     *
     * @param address a resolved socket address
     * @return the host
     * @throws IllegalArgumentException when the address is unresolved
     */
    public static HostAddress of(InetSocketAddress address) {
        InetAddress inet = address.getAddress();
        if (inet == null) {
            throw new IllegalArgumentException("unresolved address " + address);
        }
        return new HostAddress(inet.getAddress(), address.getPort());
    }

    /**
     * Reads a host at an absolute index, without moving the buffer's position.
     *
     * @param buffer the buffer
     * @param index  where the address bytes start
     * @param ipv6   whether 16 (true) or 4 address bytes follow
     * @return the host
     */
    public static HostAddress read(ByteBuffer buffer, int index, boolean ipv6) {
        byte[] ip = new byte[ipv6 ? 16 : 4];
        buffer.get(index, ip);
        return new HostAddress(ip, buffer.getInt(index + ip.length));
    }

    /**
     * Writes the address bytes and the port at an absolute index, without moving the position.
     *
     * @param buffer the buffer
     * @param index  where to write
     * @return the number of bytes written, {@link #encodedLength()}
     */
    public int write(ByteBuffer buffer, int index) {
        buffer.put(index, ip);
        buffer.putInt(index + ip.length, port);
        return encodedLength();
    }

    /**
     * Whether this is an IPv6 address.
     *
     * @return true for 16 address bytes
     */
    public boolean isIpv6() {
        return ip.length == 16;
    }

    /**
     * Bytes this host takes in a record.
     *
     * @return 8 or 20
     */
    public int encodedLength() {
        return ip.length + 4;
    }

    /**
     * The raw address bytes.
     *
     * @return a copy of the 4 or 16 bytes
     */
    public byte[] ip() {
        return ip.clone();
    }

    /**
     * The port.
     *
     * @return the port as stored
     */
    public int port() {
        return port;
    }

    /**
     * The socket address, without a name lookup.
     *
     * @return the address
     */
    public InetSocketAddress toSocketAddress() {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible); // only thrown for bad lengths, excluded above
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HostAddress that && port == that.port && Arrays.equals(ip, that.ip);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ip) + port;
    }

    /** {@code ip:port}, IPv6 in brackets. */
    @Override
    public String toString() {
        String host = toSocketAddress().getAddress().getHostAddress();
        return (isIpv6() ? "[" + host + "]" : host) + ":" + port;
    }
}
