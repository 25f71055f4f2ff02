package io.karrier.protocol.message;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The BODYCRC of a stored record: CRC32 of the stored (maybe compressed) body bytes, with the top
 * bit cleared. RocketMQ's {@code UtilAll.crc32} masks the value with {@code 0x7FFFFFFF} before
 * storing it and its recovery compares masked values, so a store or tool that shares files with
 * RocketMQ must do the same; a plain {@code (int) crc.getValue()} would differ for half of all
 * bodies.
 *
 * <p>Pure function; thread-safe.
 */
public final class BodyCrc {

    private BodyCrc() {
    }

    /**
     * Computes the BODYCRC of a body without copying it.
     *
     * @param body the body, between position and limit (the buffer is not moved)
     * @return CRC32 masked to 31 bits
     */
    public static int of(ByteBuffer body) {
        CRC32 crc = new CRC32();
        crc.update(body.duplicate());
        return (int) (crc.getValue() & 0x7FFF_FFFFL);
    }

    /**
     * Computes the BODYCRC of a body array.
     *
     * @param body the body
     * @return CRC32 masked to 31 bits
     */
    public static int of(byte[] body) {
        return of(ByteBuffer.wrap(body));
    }
}
