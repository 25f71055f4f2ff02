package io.karrier.store.internal.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Test-only: the child JVM of {@link AtomicFileCrashTest}. Rewrites one {@link AtomicFile} with the
 * next round number, as fast as it can, until it is killed. Prints {@code ready <n>} once open and
 * {@code persisted <n>} after each write has returned, so the parent knows a lower bound for what
 * must survive.
 */
final class AtomicFileWriteLoop {

    /** Lines per version: enough that one write spans several blocks and a kill can land mid-write. */
    static final int LINES = 400;

    private AtomicFileWriteLoop() {
    }

    public static void main(String[] args) throws IOException {
        AtomicFile file = new AtomicFile(Path.of(args[0]));
        long round = file.read((content, source) -> decode(content)).orElse(0L);
        System.out.println("ready " + round);
        while (true) {
            round++;
            file.write(encode(round));
            System.out.println("persisted " + round);
        }
    }

    static byte[] encode(long round) {
        return (round + "\n").repeat(LINES).getBytes(StandardCharsets.US_ASCII);
    }

    /** The round a complete version holds; throws for a torn or mixed one. */
    static long decode(byte[] content) throws IOException {
        String[] lines = new String(content, StandardCharsets.US_ASCII).split("\n", -1);
        if (lines.length != LINES + 1 || !lines[LINES].isEmpty()) {
            throw new IOException("torn: " + lines.length + " lines");
        }
        for (int i = 1; i < LINES; i++) {
            if (!lines[i].equals(lines[0])) {
                throw new IOException("mixed rounds at line " + i);
            }
        }
        return Long.parseLong(lines[0]);
    }
}
