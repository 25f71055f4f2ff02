package io.karrier.itests.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Karaf's {@code data/log/karaf.log}, read from a position so that one run's lines can be told
 * from an earlier run's: every restart of the same distribution appends to the same file.
 */
public final class KarafLog {

    /** Lines are read up to this many bytes after a position, enough for any boot we wait for. */
    private static final int MAX_READ_BYTES = 16 * 1024 * 1024;

    private final Path file;

    KarafLog(Path file) {
        this.file = file;
    }

    /** @return the current end of the log, to read what comes after it with {@link #linesSince} */
    public long position() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the lines written since {@code position} */
    public List<String> linesSince(long position) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long from = in.length() < position ? 0 : position; // rolled over: read the new file whole
            int length = (int) Math.min(MAX_READ_BYTES, in.length() - from);
            byte[] bytes = new byte[length];
            in.seek(from);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return whether a line written since {@code position} contains a match of {@code pattern} */
    public boolean containsSince(long position, Pattern pattern) {
        return linesSince(position).stream().anyMatch(line -> pattern.matcher(line).find());
    }

    /** @return the last {@code count} lines of the whole file, for a failure report */
    public String tail(int count) {
        if (!Files.exists(file)) {
            return "(no " + file + ")";
        }
        Deque<String> last = new ArrayDeque<>(count);
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                if (last.size() == count) {
                    last.removeFirst();
                }
                last.addLast(line);
            });
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
        return String.join(System.lineSeparator(), last);
    }
}
