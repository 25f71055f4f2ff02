package io.karrier.store.internal.log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32C;

import io.karrier.protocol.message.MessageProperties;
import io.karrier.protocol.message.StorableMessage;

/**
 * The whole-record seal. RocketMQ's BODYCRC covers only the body, so a torn header, a torn
 * properties string or a stale record from an earlier life of the file passes it. Karrier seals
 * every record it writes with one last property:
 *
 * <pre>
 *   ... PROPERTIES = [user properties U+0002] "__KCRC" U+0001 dddddddddd      (end of record)
 * </pre>
 *
 * where {@code dddddddddd} is exactly 10 ASCII decimal digits, zero-padded: the unsigned CRC32C of
 * the record from its first byte (TOTALSIZE) up to, not including, those digits, computed after the
 * store filled in QUEUEOFFSET, PHYSICALOFFSET and STORETIMESTAMP. The properties string stays a
 * valid RocketMQ one (no trailing separator, as {@link MessageProperties#format} writes it);
 * clients see an extra property and ignore it, as they ignore every unknown one.
 *
 * <p>The property is added with a placeholder ({@link #withPlaceholder}) before the message is
 * built, so the record size is right from the start; the writer overwrites the digits with
 * {@link #seal}. {@link #verify} needs no property parsing: the last 17 bytes of a sealed record are
 * fixed in place. Pure functions; thread-safe.
 */
public final class RecordSeal {

    /** The property name. */
    public static final String PROPERTY = "__KCRC";
    /** Bytes of the seal at the end of a record: name, U+0001 and 10 digits. */
    public static final int TRAILER_LENGTH = 17;

    private static final int DIGITS = 10;
    private static final byte[] MARKER = (PROPERTY + MessageProperties.NAME_VALUE_SEPARATOR)
            .getBytes(StandardCharsets.US_ASCII);
    private static final String PLACEHOLDER = PROPERTY + MessageProperties.NAME_VALUE_SEPARATOR + "0".repeat(DIGITS);

    private RecordSeal() {
    }

    /**
     * The properties string to build a {@link StorableMessage} from: the given one without any
     * {@code __KCRC} a sender put there, followed by the seal placeholder.
     *
     * @param properties the message's properties string, may be empty
     * @return the string ending in the placeholder
     */
    public static String withPlaceholder(String properties) {
        String own = properties == null ? "" : properties;
        if (own.contains(PROPERTY)) {
            Map<String, String> parsed = MessageProperties.parse(own);
            parsed.remove(PROPERTY);
            own = MessageProperties.format(parsed);
        }
        return MessageProperties.concat(own, PLACEHOLDER);
    }

    /** @return whether the message was built with {@link #withPlaceholder}, so the writer can seal it */
    public static boolean isSealable(StorableMessage message) {
        return message.properties().endsWith(PLACEHOLDER);
    }

    /**
     * Writes the seal digits of a complete record; every other byte must be final.
     *
     * @param buffer the buffer holding the record
     * @param start index of the record's first byte
     * @param size the record's TOTALSIZE
     */
    public static void seal(ByteBuffer buffer, int start, int size) {
        long crc = crc(buffer, start, size);
        int index = start + size - 1;
        for (int i = 0; i < DIGITS; i++) {
            buffer.put(index - i, (byte) ('0' + crc % 10));
            crc /= 10;
        }
    }

    /**
     * Checks the seal of a record whose bytes lie in {@code [start, start + size)} of the buffer.
     *
     * @return whether the record ends in a seal property whose digits equal its CRC32C
     */
    public static boolean verify(ByteBuffer buffer, int start, int size) {
        if (size < TRAILER_LENGTH || start < 0 || start > buffer.limit() - size) {
            return false;
        }
        int marker = start + size - TRAILER_LENGTH;
        for (int i = 0; i < MARKER.length; i++) {
            if (buffer.get(marker + i) != MARKER[i]) {
                return false;
            }
        }
        long stored = 0;
        for (int i = start + size - DIGITS; i < start + size; i++) {
            int digit = buffer.get(i) - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            stored = stored * 10 + digit;
        }
        return stored == crc(buffer, start, size);
    }

    private static long crc(ByteBuffer buffer, int start, int size) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.slice(start, size - DIGITS));
        return crc.getValue();
    }
}
