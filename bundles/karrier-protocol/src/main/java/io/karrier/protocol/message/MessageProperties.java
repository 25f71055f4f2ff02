package io.karrier.protocol.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

    private static final String[] COMMON_NAMES = {MessagePropertyKeys.TAGS, MessagePropertyKeys.KEYS,
            MessagePropertyKeys.UNIQ_KEY};
    private static final byte[][] COMMON_NAME_BYTES = {MessagePropertyKeys.TAGS.getBytes(StandardCharsets.UTF_8),
            MessagePropertyKeys.KEYS.getBytes(StandardCharsets.UTF_8),
            MessagePropertyKeys.UNIQ_KEY.getBytes(StandardCharsets.UTF_8)};

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
     * Looks up some properties stored as UTF-8 bytes at an absolute range of a buffer (position
     * unchanged) without building the map: {@code values[i]} becomes exactly what
     * {@code parse(buffer, index, length).get(names[i])} returns (the last value of a repeated name,
     * null when absent). U+0001 and U+0002 are single bytes in UTF-8 and never part of another
     * character, and a malformed sequence never swallows an ASCII byte, so splitting the bytes gives
     * the same segments as splitting the decoded string; only the values found (and the names, when
     * a wanted name is not ASCII) are decoded.
     *
     * @param buffer the buffer
     * @param index  first byte
     * @param length number of bytes
     * @param names  the property names to look for
     * @param values receives one value (or null) per name; at least as long as {@code names}
     */
    public static void find(ByteBuffer buffer, int index, int length, String[] names, String[] values) {
        byte[][] wanted = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            wanted[i] = asciiName(names[i]);
            values[i] = null;
        }
        byte[] bytes;
        int base;
        if (buffer.hasArray()) {
            bytes = buffer.array();
            base = buffer.arrayOffset() + index;
        } else {
            bytes = new byte[length];
            buffer.get(index, bytes);
            base = 0;
        }
        int limit = base + length;
        int start = base;
        while (start < limit) {
            int separator = -1;
            int end = start;
            for (; end < limit; end++) {
                byte b = bytes[end];
                if (b == PROPERTY_SEPARATOR) {
                    break;
                }
                if (b == NAME_VALUE_SEPARATOR && separator < 0) {
                    separator = end;
                }
            }
            if (separator > start && separator < end - 1) {
                String decoded = null;
                for (int i = 0; i < wanted.length; i++) {
                    byte[] name = wanted[i];
                    boolean match;
                    if (name != null) {
                        match = name.length == separator - start && bytes[start] == name[0]
                                && Arrays.equals(bytes, start, separator, name, 0, name.length);
                    } else {
                        if (decoded == null) {
                            decoded = new String(bytes, start, separator - start, StandardCharsets.UTF_8);
                        }
                        match = decoded.equals(names[i]);
                    }
                    if (match) {
                        values[i] = new String(bytes, separator + 1, end - separator - 1, StandardCharsets.UTF_8);
                    }
                }
            }
            start = end + 1;
        }
    }

    /**
     * One property of a string stored as UTF-8 bytes, as {@link #find} finds it.
     *
     * @return {@code parse(buffer, index, length).get(name)}
     */
    public static String find(ByteBuffer buffer, int index, int length, String name) {
        String[] value = new String[1];
        find(buffer, index, length, new String[] {name}, value);
        return value[0];
    }

    /**
     * The bytes a parsed name equal to {@code name} must have, when that is exactly one sequence: for
     * an ASCII name (each ASCII character decodes from its own byte only; malformed bytes decode to
     * U+FFFD). Null for any other name, which is then compared after decoding.
     */
    private static byte[] asciiName(String name) {
        for (int i = 0; i < COMMON_NAMES.length; i++) {
            if (COMMON_NAMES[i] == name) {
                return COMMON_NAME_BYTES[i];
            }
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return null;
            }
        }
        return name.getBytes(StandardCharsets.US_ASCII);
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
