package io.karrier.protocol.header;

import java.util.Random;

/** Random field values biased towards the awkward ones: empty and non-ASCII text, extreme numbers. */
final class RandomValues {

    private static final String[] AWKWARD_STRINGS = {
        "", " ", "TBW102", "%RETRY%group", "%DLQ%group", "ns%topic", "主题-Ω-😀", "\u0001\u0002",
        "a=b;c", "  padded  ", "123", "-1", "true", "null", "127.0.0.1:10911", "x".repeat(1000),
    };
    private static final int[] AWKWARD_INTS = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE};
    private static final long[] AWKWARD_LONGS = {0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE,
        Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L};
    private static final String ALPHABET = "abcXYZ019_-%@.:|; é中😀\t";

    private final Random random;

    RandomValues(long seed) {
        this.random = new Random(seed);
    }

    /** @return a value of the given field type; boxed types are {@code null} now and then when nullable */
    Object of(Class<?> type, boolean nullable) {
        if (nullable && !type.isPrimitive() && random.nextInt(4) == 0) {
            return null;
        }
        if (type == String.class) {
            return string();
        }
        if (type == int.class || type == Integer.class) {
            return random.nextBoolean() ? AWKWARD_INTS[random.nextInt(AWKWARD_INTS.length)] : random.nextInt();
        }
        if (type == long.class || type == Long.class) {
            return random.nextBoolean() ? AWKWARD_LONGS[random.nextInt(AWKWARD_LONGS.length)] : random.nextLong();
        }
        if (type == boolean.class || type == Boolean.class) {
            return random.nextBoolean();
        }
        throw new IllegalArgumentException("no random values for " + type);
    }

    <T> T pick(java.util.List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    String string() {
        if (random.nextInt(3) == 0) {
            return AWKWARD_STRINGS[random.nextInt(AWKWARD_STRINGS.length)];
        }
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0,
                    random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
        }
        return text.toString();
    }
}
