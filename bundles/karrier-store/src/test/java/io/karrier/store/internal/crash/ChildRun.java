package io.karrier.store.internal.crash;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code io.karrier.store.internal.CrashChild} in a child JVM: starts it, collects its
 * acknowledgements as they arrive, and kills it with SIGKILL ({@link Process#destroyForcibly()} on
 * Linux). {@link #close()} kills it too, so a failing test leaves no child behind. Test-only.
 *
 * <p>The child's stdout goes to a file that a thread here follows, not to a pipe: when a child
 * exits, the JDK drains and closes its pipe under a reader's feet ("Stream closed"), which would
 * lose the last acknowledgements. What the child wrote to the file stays after the kill, and only
 * complete lines are read.
 */
final class ChildRun implements AutoCloseable {

    /** A record the child was told is stored: its append completed PUT_OK. */
    record Ack(long seq, long commitLogOffset, int queueId, long queueOffset) {
    }

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final Thread reader;
    private volatile boolean exited;
    private final List<Ack> acks = new ArrayList<>(); // guarded by this
    private final List<String> failures = new ArrayList<>(); // guarded by this
    private boolean ready; // guarded by this

    private ChildRun(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.reader = new Thread(this::read, "crash-child-reader-" + process.pid());
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** @param output where the child's stdout and stderr go: {@code output.out}, {@code output.err} */
    static ChildRun start(Path root, String mode, long session, long seed, Path output) throws IOException {
        Path stdout = Path.of(output + ".out");
        Path stderr = Path.of(output + ".err");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), "io.karrier.store.internal.CrashChild",
                root.toString(), mode, Long.toString(session), Long.toString(seed))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        return new ChildRun(process, stdout, stderr);
    }

    /** Waits until the child opened the store; false if it did not in time or died. */
    synchronized boolean awaitReady(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!ready && process.isAlive() && System.currentTimeMillis() < deadline) {
            wait(Math.max(1, Math.min(50, deadline - System.currentTimeMillis())));
        }
        return ready;
    }

    /** Waits until at least {@code count} acknowledgements arrived, the child died, or the time is up. */
    synchronized int awaitAcks(int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (acks.size() < count && process.isAlive() && System.currentTimeMillis() < deadline) {
            wait(Math.max(1, Math.min(50, deadline - System.currentTimeMillis())));
        }
        return acks.size();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Sends SIGKILL, waits for the JVM to be gone, then reads the rest of its output: each
     * acknowledgement in it was written after its append completed, so each counts.
     */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("child " + process.pid() + " still alive 20 s after SIGKILL");
        }
        exited = true;
        reader.join(10_000);
        if (reader.isAlive()) {
            throw new IllegalStateException("reading the output of child " + process.pid() + " did not finish");
        }
    }

    synchronized List<Ack> acks() {
        return List.copyOf(acks);
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    String stderr() {
        try {
            String text = Files.readString(stderr);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    /** Kills the child if it is still there (idempotent). */
    @Override
    public void close() throws InterruptedException {
        if (!exited) {
            kill();
        }
    }

    /** Follows the output file until the child is gone and everything it wrote is read. */
    private void read() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try (FileChannel file = FileChannel.open(stdout, StandardOpenOption.READ)) {
            while (true) {
                boolean last = exited; // read before the file: after exit nothing more is written
                buffer.clear();
                int read = file.read(buffer);
                if (read > 0) {
                    for (int i = 0; i < read; i++) {
                        byte b = buffer.get(i);
                        if (b == '\n') {
                            accept(line.toString(StandardCharsets.US_ASCII));
                            line.reset();
                        } else {
                            line.write(b);
                        }
                    }
                } else if (last) {
                    return; // a line without its newline was cut by the kill: it does not count
                } else {
                    Thread.sleep(2);
                }
            }
        } catch (IOException | InterruptedException e) {
            synchronized (this) {
                failures.add("reading the child's output failed: " + e);
            }
        }
    }

    private synchronized void accept(String line) {
        if (line.equals("READY")) {
            ready = true;
        } else if (line.startsWith("A ")) {
            String[] fields = line.split(" ");
            try {
                acks.add(new Ack(Long.parseLong(fields[1]), Long.parseLong(fields[2]), Integer.parseInt(fields[3]),
                        Long.parseLong(fields[4])));
            } catch (RuntimeException e) {
                failures.add("unreadable acknowledgement: " + line);
            }
        } else {
            failures.add(line);
        }
        notifyAll();
    }
}
