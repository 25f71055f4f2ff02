package io.karrier.protocol.header;

import java.util.Map;

/**
 * Reads and writes the string values of a command's custom header fields ({@code extFields}), the
 * way RocketMQ 4.x does: numbers as decimal text, booleans as {@code true}/{@code false}.
 *
 * <p>Parsing matches the upstream decoder on purpose: numbers go through {@link Integer#parseInt}
 * and {@link Long#parseLong} (no trimming, so {@code " 1"} is rejected; {@code "+1"} and non-ASCII
 * decimal digits are accepted), booleans through {@link Boolean#parseBoolean} (any text other than
 * {@code true}, ignoring case, is {@code false}). Where upstream logs and leaves a field {@code null} — a missing required field,
 * a number that does not parse, even in an optional field — these methods throw
 * {@link MalformedHeaderException}.
 *
 * <p>A {@code null} map counts as empty: a frame without extFields has every field missing.
 * Stateless and thread-safe.
 */
public final class ExtFields {

    /** Longest part of a bad value quoted in an exception message. */
    private static final int MAX_QUOTED = 64;

    private ExtFields() {
    }

    /**
     * @param extFields the fields, or {@code null}
     * @param name the field's key
     * @return its value, possibly empty
     * @throws MalformedHeaderException if the field is missing
     */
    public static String requiredString(Map<String, String> extFields, String name) {
        String value = optionalString(extFields, name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    /**
     * @param extFields the fields, or {@code null}
     * @param name the field's key
     * @return its value, or {@code null} when missing
     */
    public static String optionalString(Map<String, String> extFields, String name) {
        return extFields == null ? null : extFields.get(name);
    }

    /**
     * @param extFields the fields, or {@code null}
     * @param name the field's key
     * @return its value as an int
     * @throws MalformedHeaderException if the field is missing or not a 32-bit decimal integer
     */
    public static int requiredInt(Map<String, String> extFields, String name) {
        return parseInt(name, requiredString(extFields, name));
    }

    /**
     * @param extFields the fields, or {@code null}
     * @param name the field's key
     * @return its value as an Integer, or {@code null} when missing
     * @throws MalformedHeaderException if the field is present but not a 32-bit decimal integer
     */
    public static Integer optionalInt(Map<String, String> extFields, String name) {
        String value = optionalString(extFields, name);
        return value == null ? null : parseInt(name, value);
    }

    /**
     * For fields that upstream declares as an Integer with a non-null initial value.
     *
     * @param extFields the fields, or {@code null}
     * @param name the field's key
     * @param absent the value when the field is missing
     * @return its value as an int, or {@code absent}
     * @throws MalformedHeaderException if the field is present but not a 32-bit decimal integer
     */
    public static int optionalInt(Map<String, String> extFields, String name, int absent) {
        String value = optionalString(extFields, name);
        return value == null ? absent : parseInt(name, value);
    }

    /**
     * @param extFields the fields, or {@code null}
     * @param name the field's key
     * @return its value as a long
     * @throws MalformedHeaderException if the field is missing or not a 64-bit decimal integer
     */
    public static long requiredLong(Map<String, String> extFields, String name) {
        return parseLong(name, requiredString(extFields, name));
    }

    /**
     * @param extFields the fields, or {@code null}
     * @param name the field's key
     * @return its value as a Long, or {@code null} when missing
     * @throws MalformedHeaderException if the field is present but not a 64-bit decimal integer
     */
    public static Long optionalLong(Map<String, String> extFields, String name) {
        String value = optionalString(extFields, name);
        return value == null ? null : parseLong(name, value);
    }

    /**
     * @param extFields the fields, or {@code null}
     * @param name the field's key
     * @return its value as a boolean ({@code true} only for the text {@code true}, ignoring case)
     * @throws MalformedHeaderException if the field is missing
     */
    public static boolean requiredBoolean(Map<String, String> extFields, String name) {
        return Boolean.parseBoolean(requiredString(extFields, name));
    }

    /**
     * @param extFields the fields, or {@code null}
     * @param name the field's key
     * @return its value as a Boolean, or {@code null} when missing
     */
    public static Boolean optionalBoolean(Map<String, String> extFields, String name) {
        String value = optionalString(extFields, name);
        return value == null ? null : Boolean.valueOf(value);
    }

    /**
     * For fields that upstream declares as a primitive {@code boolean}, or as a Boolean that starts
     * out {@code false}: absent means {@code false}.
     *
     * @param extFields the fields, or {@code null}
     * @param name the field's key
     * @return its value as a boolean, {@code false} when missing
     */
    public static boolean booleanOrFalse(Map<String, String> extFields, String name) {
        return Boolean.parseBoolean(optionalString(extFields, name));
    }

    /**
     * Puts a value as its {@code toString()}, or nothing when it is {@code null} (upstream omits
     * null fields).
     *
     * @param extFields the map to write to
     * @param name the field's key
     * @param value a String, a boxed number or Boolean, or {@code null}
     */
    public static void put(Map<String, String> extFields, String name, Object value) {
        if (value != null) {
            extFields.put(name, value.toString());
        }
    }

    /**
     * @param extFields the map to write to
     * @param name the field's key
     * @param value written in decimal
     */
    public static void put(Map<String, String> extFields, String name, int value) {
        extFields.put(name, Integer.toString(value));
    }

    /**
     * @param extFields the map to write to
     * @param name the field's key
     * @param value written in decimal
     */
    public static void put(Map<String, String> extFields, String name, long value) {
        extFields.put(name, Long.toString(value));
    }

    /**
     * @param extFields the map to write to
     * @param name the field's key
     * @param value written as {@code true} or {@code false}
     */
    public static void put(Map<String, String> extFields, String name, boolean value) {
        extFields.put(name, Boolean.toString(value));
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw malformed(name, "is not a 32-bit integer", value);
        }
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw malformed(name, "is not a 64-bit integer", value);
        }
    }

    private static MalformedHeaderException missing(String name) {
        return new MalformedHeaderException(name, "missing required header field '" + name + "'");
    }

    /**
     * @param name the field's key
     * @param problem what is wrong, e.g. {@code is not one of 0, 8, 12}
     * @param value the bad value, quoted (and shortened) in the message
     * @return an exception for a field whose value is out of range
     */
    static MalformedHeaderException malformed(String name, String problem, String value) {
        String quoted = value.length() <= MAX_QUOTED ? value : value.substring(0, MAX_QUOTED) + "...";
        return new MalformedHeaderException(name, "header field '" + name + "' " + problem + ": '" + quoted + "'");
    }
}
