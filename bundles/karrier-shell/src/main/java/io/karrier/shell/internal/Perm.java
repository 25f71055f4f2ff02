package io.karrier.shell.internal;

import java.util.Locale;

/** RocketMQ's topic permission bits, read and written the way mqadmin shows them. */
public final class Perm {

    /** Consumers may read. */
    public static final int READ = 4;
    /** Producers may write. */
    public static final int WRITE = 2;
    /** The template-topic bit: new topics may be created from this one. */
    public static final int INHERIT = 1;

    private Perm() {
    }

    /**
     * @param text {@code RW}, {@code R}, {@code W} (any case, with {@code X} for inherit), or the bits in decimal
     * @return the bits
     * @throws IllegalArgumentException when the text is neither
     */
    public static int parse(String text) {
        String letters = text.strip().toUpperCase(Locale.ROOT);
        if (!letters.isEmpty() && letters.chars().allMatch(Character::isDigit)) {
            int bits = Integer.parseInt(letters);
            if (bits > (READ | WRITE | INHERIT)) {
                throw new IllegalArgumentException("permission " + text + " is not between 0 and 7");
            }
            return bits;
        }
        int bits = 0;
        for (char letter : letters.toCharArray()) {
            bits |= switch (letter) {
                case 'R' -> READ;
                case 'W' -> WRITE;
                case 'X' -> INHERIT;
                default -> throw new IllegalArgumentException("permission " + text + " is not made of R, W and X");
            };
        }
        if (letters.isEmpty()) {
            throw new IllegalArgumentException("empty permission");
        }
        return bits;
    }

    /** @return the bits as letters, {@code RW} for 6, {@code -} for none */
    public static String format(int bits) {
        String letters = ((bits & READ) != 0 ? "R" : "") + ((bits & WRITE) != 0 ? "W" : "")
                + ((bits & INHERIT) != 0 ? "X" : "");
        return letters.isEmpty() ? "-" : letters;
    }
}
