package io.karrier.protocol.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties string of a message (REMOTING.md §6.3): {@code name} U+0001 {@code value} pairs
 * joined by U+0002, no trailing separator, UTF-8 on the wire and on disk.
 *
 * <p>Parsing matches the 4.x client on purpose, so that Karrier sees exactly the properties a
 * consumer will see: a segment between U+0002 separators counts only if it is at least 3 characters
 * long and its first U+0001 is neither at its start nor at its end (non-empty name and value);
 * anything else (empty segments, trailing separators, a name without value) is skipped silently.
 * The value runs to the next U+0002 and may itself contain U+0001. A repeated name keeps its first
 * position and its last value. Unlike the client, the result keeps the order of the string.
 *
 * <p>Stateless; thread-safe.
 */
public final class MessageProperties {

    /** Between a name and its value. */
    public static final char NAME_VALUE_SEPARATOR = '\u0001';
    /** Between two name/value pairs. */
    public static final char PROPERTY_SEPARATOR = '\u0002';

    private MessageProperties() {
    }

    /**
     * Parses a properties string.
     *
     * @param properties the string; null or empty gives an empty map
     * @return a new mutable map in the order of the string
     */
    public static Map<String, String> parse(String properties) {
        Map<String, String> map = new LinkedHashMap<>();
        if (properties == null) {
            return map;
        }
        int length = properties.length();
        int start = 0;
        while (start < length) {
            int end = properties.indexOf(PROPERTY_SEPARATOR, start);
            if (end < 0) {
                end = length;
            }
            if (end - start >= 3) {
                int separator = properties.indexOf(NAME_VALUE_SEPARATOR, start);
                if (separator > start && separator < end - 1) {
                    map.put(properties.substring(start, separator), properties.substring(separator + 1, end));
                }
            }
            start = end + 1;
        }
        return map;
    }

    /**
     * Parses properties stored as UTF-8 bytes at an absolute range of a buffer (position unchanged).
     *
     * @param buffer the buffer
     * @param index  first byte
     * @param length number of bytes
     * @return a new mutable map in the order of the string
     */
    public static Map<String, String> parse(ByteBuffer buffer, int index, int length) {
        return parse(decodeUtf8(buffer, index, length));
    }

    /**
     * Formats properties as a properties string. Entries with a null value are skipped, as the
     * client does. An empty name or value is written but will be dropped by every parser.
     *
     * @param properties the properties, in the order to write them; null gives ""
     * @return the properties string
     * @throws IllegalArgumentException when a name contains U+0001 or U+0002, or a value contains
     *                                  U+0002: that would change the neighbouring entries on parsing
     */
    public static String format(Map<String, String> properties) {
        if (properties == null || properties.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(properties.size() * 24);
        for (Map.Entry<String, String> entry : properties.entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue();
            if (name == null || value == null) {
                continue;
            }
            if (name.indexOf(NAME_VALUE_SEPARATOR) >= 0 || name.indexOf(PROPERTY_SEPARATOR) >= 0
                    || value.indexOf(PROPERTY_SEPARATOR) >= 0) {
                throw new IllegalArgumentException("property " + name.replace('\u0001', '?').replace('\u0002', '?')
                        + " contains a properties-string separator");
            }
            if (!text.isEmpty()) {
                text.append(PROPERTY_SEPARATOR);
            }
            text.append(name).append(NAME_VALUE_SEPARATOR).append(value);
        }
        return text.toString();
    }

    /**
     * Joins two properties strings, as the broker merges a batch's header properties into each
     * item's own: one U+0002 between them when both are non-empty.
     *
     * @param first  the first string (may be null or empty)
     * @param second the second string (may be null or empty)
     * @return the joined string
     */
    public static String concat(String first, String second) {
        if (first == null || first.isEmpty()) {
            return second == null ? "" : second;
        }
        if (second == null || second.isEmpty()) {
            return first;
        }
        boolean separated = first.charAt(first.length() - 1) == PROPERTY_SEPARATOR;
        return separated ? first + second : first + PROPERTY_SEPARATOR + second;
    }

    /**
     * The UTF-8 bytes of a properties string.
     *
     * @param properties the string
     * @return its bytes
     */
    public static byte[] toBytes(String properties) {
        return properties.getBytes(StandardCharsets.UTF_8);
    }

    static String decodeUtf8(ByteBuffer buffer, int index, int length) {
        if (buffer.hasArray()) {
            return new String(buffer.array(), buffer.arrayOffset() + index, length, StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[length];
        buffer.get(index, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
