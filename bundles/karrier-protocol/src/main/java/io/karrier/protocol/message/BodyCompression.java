package io.karrier.protocol.message;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Message body compression as RocketMQ producers and consumers do it (REMOTING.md §2.3): zlib
 * (deflate with the zlib header) via {@code java.util.zip}. LZ4 and ZSTD bodies are recognised by
 * their sysFlag type bits and refused with a clear reason; Karrier adds no codec dependencies.
 *
 * <p>The broker stores bodies as received and never needs this on its send or pull paths; it serves
 * tools, tests and Karrier's own client. Inflation is bounded by a caller-given maximum so that a
 * small hostile body cannot expand without limit. Stateless; thread-safe.
 */
public final class BodyCompression {

    /** The producer's default zlib level. */
    public static final int DEFAULT_LEVEL = 5;
    /** The producer compresses single bodies of at least this many bytes. */
    public static final int DEFAULT_COMPRESS_THRESHOLD = 4096;

    private BodyCompression() {
    }

    /**
     * Compresses a body with zlib.
     *
     * @param body  the body
     * @param level 0..9, {@link #DEFAULT_LEVEL} as the producer uses
     * @return the zlib stream
     */
    public static byte[] deflate(byte[] body, int level) {
        Deflater deflater = new Deflater(level);
        try {
            deflater.setInput(body);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 2));
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * Inflates a zlib stream.
     *
     * @param compressed the stream, between position and limit (the buffer itself is not moved)
     * @param maxLength  the largest result accepted
     * @return the inflated bytes
     * @throws MalformedMessageException when the stream is corrupt, cut off, or inflates past {@code maxLength}
     */
    public static byte[] inflate(ByteBuffer compressed, int maxLength) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed.duplicate());
            byte[] out = new byte[Math.min(maxLength, Math.max(64, compressed.remaining() * 4))];
            int length = 0;
            while (!inflater.finished()) {
                if (length == out.length) {
                    if (length >= maxLength) {
                        // full at the limit: fine only if the stream ends here without another byte
                        if (inflater.inflate(new byte[1]) > 0) {
                            throw new MalformedMessageException("compressed body inflates past " + maxLength
                                    + " bytes");
                        }
                        if (inflater.finished()) {
                            break;
                        }
                        throw new MalformedMessageException("compressed body is cut off (incomplete zlib stream)");
                    }
                    out = Arrays.copyOf(out, (int) Math.min(maxLength, Math.max(64L, 2L * length)));
                }
                int n = inflater.inflate(out, length, out.length - length);
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new MalformedMessageException("compressed body is cut off (incomplete zlib stream)");
                }
                length += n;
            }
            return length == out.length ? out : Arrays.copyOf(out, length);
        } catch (DataFormatException e) {
            throw new MalformedMessageException("compressed body is not valid zlib: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /**
     * The body as the producer meant it: inflated when sysFlag has the COMPRESSED bit, otherwise a
     * copy of the bytes.
     *
     * @param sysFlag   the message's sysFlag
     * @param body      the stored body, between position and limit (not moved)
     * @param maxLength the largest result accepted
     * @return the body
     * @throws MalformedMessageException for an LZ4 or ZSTD body ("unsupported compression type"),
     *                                   an unknown type, or a bad zlib stream
     */
    public static byte[] decompress(int sysFlag, ByteBuffer body, int maxLength) {
        if (!MessageSysFlag.isCompressed(sysFlag)) {
            byte[] copy = new byte[body.remaining()];
            body.get(body.position(), copy);
            return copy;
        }
        CompressionType type = CompressionType.fromSysFlag(sysFlag);
        if (type != CompressionType.ZLIB) {
            throw new MalformedMessageException("unsupported compression type " + type
                    + " (sysFlag 0x" + Integer.toHexString(sysFlag) + "); only zlib is supported");
        }
        return inflate(body, maxLength);
    }
}
