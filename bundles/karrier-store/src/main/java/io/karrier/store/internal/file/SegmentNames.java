package io.karrier.store.internal.file;

/**
 * Segment file names: the start offset, zero-padded to 20 decimal digits, as RocketMQ names its
 * commit-log and consume-queue files. Pure functions; thread-safe.
 */
public final class SegmentNames {

    private static final int DIGITS = 20;

    private SegmentNames() {
    }

    /** @return the 20-digit name of the segment starting at {@code offset} */
    public static String name(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("negative segment offset " + offset);
        }
        String digits = Long.toString(offset);
        return "0".repeat(DIGITS - digits.length()) + digits;
    }

    /** @return the offset a segment name stands for, or -1 when the name is not 20 digits */
    public static long parse(String name) {
        if (name.length() != DIGITS) {
            return -1;
        }
        for (int i = 0; i < DIGITS; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        try {
            return Long.parseLong(name);
        } catch (NumberFormatException tooLarge) {
            return -1;
        }
    }
}
