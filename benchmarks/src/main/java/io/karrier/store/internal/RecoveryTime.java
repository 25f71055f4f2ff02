package io.karrier.store.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.karrier.api.store.AppendResult;
import io.karrier.api.store.AppendStatus;
import io.karrier.store.internal.table.AbortMarker;

/**
 * Crash-recovery time of {@link LocalMessageStore#open} with a whole commit log beyond the checkpoint,
 * against the time to read the same bytes sequentially. Not JMH: one recovery is seconds long and
 * changes the files it measures, so each case is timed once.
 *
 * <p>Writes {@code sizeMiB} of 1 KiB messages in 4 queues under async flush and closes the store
 * cleanly. Each case then makes that directory look like a crash right after the store started: it
 * deletes the checkpoint (with its {@code .bak}) and puts the abort marker back, so the store recovers from the start
 * (RECOVER_FROM_START) and verifies and re-dispatches every record. Cases:
 * <ul>
 * <li>{@code warm}: the page cache still holds the files (a process crash, kill -9); timed twice,
 * as the first recovery in the JVM also pays for class loading and the JIT;</li>
 * <li>{@code warm, fresh JVM}: as a broker restarting after a crash: a new JVM (same class path and
 * JVM options) opens the store and reports how long the open took;</li>
 * <li>{@code cold}: the store's files are first dropped from the page cache ({@code dd iflag=nocache
 * count=0}, which needs no privilege for clean pages), consume queues and index intact; also in a
 * fresh JVM;</li>
 * <li>{@code cold, rebuild}: as cold, with the consume-queue and index directories deleted too, so
 * recovery rebuilds them (the worst case: power loss before they reached the disk).</li>
 * </ul>
 * The sequential read reads the commit-log files up to the written end with a 1 MiB buffer, warm and
 * after the same cache drop. On a VM, "cold" means cold in the guest: the host may still cache the disk.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.karrier.store.internal.RecoveryTime
 * [sizeMiB (1024)] [parent directory (benchmarks/target)]}.
 */
public final class RecoveryTime {

    private static final int BODY_BYTES = 1024;

    private RecoveryTime() {
    }

    public static void main(String[] args) throws Exception {
        long sizeBytes = (args.length > 0 ? Long.parseLong(args[0]) : 1024) << 20;
        String parent = args.length > 1 ? args[1] : "benchmarks/target";
        BenchStores.quietLogs();
        Path root = BenchStores.newDirectory(parent, "recovery-");
        try {
            long written = fill(root, sizeBytes);
            System.out.printf("commit log: %d bytes (%.1f MiB) of %d-byte bodies in %s%n", written, written / 1048576.0,
                    BODY_BYTES, root);
            report("sequential read, warm", readCommitLog(root, written), written);
            report("recovery, warm, 1st in JVM", recover(root, false), written);
            report("recovery, warm", recover(root, false), written);
            report("recovery, warm, fresh JVM", recoverInFreshJvm(root), written);
            dropCache(root);
            report("recovery, cold, fresh JVM", recoverInFreshJvm(root), written);
            dropCache(root);
            report("sequential read, cold", readCommitLog(root, written), written);
            dropCache(root);
            report("recovery, cold", recover(root, false), written);
            BenchStores.deleteTree(root.resolve("consumequeue"));
            BenchStores.deleteTree(root.resolve("index"));
            dropCache(root);
            report("recovery, cold, rebuild", recover(root, true), written);
        } finally {
            BenchStores.deleteTree(root);
        }
    }

    /** Messages in queue 0 after the fill; every recovery must find them all. */
    private static long queue0Messages;

    private static long fill(Path root, long sizeBytes) throws Exception {
        byte[] body = new byte[BODY_BYTES];
        long started = System.nanoTime();
        try (LocalMessageStore store = BenchStores.open(root, "async")) {
            long i = 0;
            for (; store.commitLogMaxOffset() < sizeBytes; i++) {
                AppendResult result = store.append(BenchStores.message((int) (i % BenchStores.QUEUES), body,
                        "7F00000100000000" + Long.toHexString(i))).toCompletableFuture().get(10, TimeUnit.SECONDS);
                if (result.status() != AppendStatus.PUT_OK) {
                    throw new IllegalStateException("fill append answered " + result);
                }
            }
            long written = store.commitLogMaxOffset();
            queue0Messages = (i + BenchStores.QUEUES - 1) / BenchStores.QUEUES;
            System.out.printf("filled in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return written;
        }
    }

    /** Simulates the crash, then times the open; the store is closed cleanly afterwards. */
    private static long recover(Path root, boolean rebuilt) throws IOException {
        simulateCrash(root);
        return timedOpen(root, queue0Messages, rebuilt);
    }

    /** Makes the store look as if it crashed right after it started: no checkpoint, abort marker present. */
    private static void simulateCrash(Path root) throws IOException {
        for (String checkpoint : List.of("checkpoint", "checkpoint.bak", "checkpoint.tmp")) {
            Files.deleteIfExists(root.resolve(checkpoint));
        }
        Files.createFile(root.resolve(AbortMarker.FILE_NAME));
    }

    private static long timedOpen(Path root, long expectedQueue0, boolean rebuilt) throws IOException {
        long started = System.nanoTime();
        LocalMessageStore store = BenchStores.open(root, "async");
        long elapsed = System.nanoTime() - started;
        try {
            long perQueue = store.maxOffset(BenchStores.TOPIC, 0);
            if (perQueue != expectedQueue0) {
                throw new IllegalStateException("recovered queue 0 holds " + perQueue + " messages, not "
                        + expectedQueue0 + (rebuilt ? " after rebuild" : ""));
            }
        } finally {
            store.close();
        }
        return elapsed;
    }

    /** Simulates the crash, then lets a new JVM ({@link FreshOpen}) time the open. */
    private static long recoverInFreshJvm(Path root) throws IOException, InterruptedException {
        simulateCrash(root);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FreshOpen.class.getName(),
                root.toString(), Long.toString(queue0Messages)));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(child.getInputStream().readAllBytes()).trim();
        if (child.waitFor() != 0) {
            throw new IOException("the fresh JVM failed to recover the store: " + output);
        }
        return Long.parseLong(output.substring(output.lastIndexOf('\n') + 1).trim());
    }

    /** The child of the fresh-JVM cases: opens the store, checks it, prints the open's nanoseconds. */
    public static final class FreshOpen {

        private FreshOpen() {
        }

        public static void main(String[] args) throws IOException {
            BenchStores.quietLogs();
            System.out.println(timedOpen(Path.of(args[0]), Long.parseLong(args[1]), false));
        }
    }

    private static long readCommitLog(Path root, long written) throws IOException {
        List<Path> segments;
        try (Stream<Path> files = Files.list(root.resolve("commitlog"))) {
            segments = files.sorted().toList();
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        long remaining = written;
        long checksum = 0;
        long started = System.nanoTime();
        for (Path segment : segments) {
            try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
                while (remaining > 0) {
                    buffer.clear();
                    if (buffer.capacity() > remaining) {
                        buffer.limit((int) remaining);
                    }
                    int read = channel.read(buffer);
                    if (read <= 0) {
                        break;
                    }
                    remaining -= read;
                    checksum += buffer.get(0);
                }
            }
        }
        long elapsed = System.nanoTime() - started;
        if (remaining != 0) {
            throw new IllegalStateException(remaining + " bytes of the commit log not read (checksum " + checksum + ")");
        }
        return elapsed;
    }

    /** Asks the kernel to drop the files' clean pages from the page cache (POSIX_FADV_DONTNEED via dd). */
    private static void dropCache(Path root) throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Process dd = new ProcessBuilder("dd", "if=" + file, "iflag=nocache", "count=0", "status=none")
                    .inheritIO().start();
            if (dd.waitFor() != 0) {
                throw new IOException("dd could not drop " + file + " from the page cache");
            }
        }
        // Pages still mapped by a segment not yet unmapped are not dropped: show what stayed resident.
        List<String> fincore = new ArrayList<>(List.of("fincore", "--noheadings", "--bytes"));
        try (Stream<Path> segments = Files.list(root.resolve("commitlog"))) {
            segments.sorted().forEach(segment -> fincore.add(segment.toString()));
        }
        try {
            Process resident = new ProcessBuilder(fincore).redirectErrorStream(true).start();
            String lines = new String(resident.getInputStream().readAllBytes()).trim().replace("\n", "; ");
            resident.waitFor();
            System.out.println("  commit log resident after drop (bytes, pages, size, file): " + lines);
        } catch (IOException e) {
            System.out.println("  (fincore not available: " + e.getMessage() + ")");
        }
    }

    private static void report(String what, long nanos, long bytes) {
        double seconds = nanos / 1e9;
        System.out.printf("%-26s %8.2f s  %8.1f MiB/s%n", what, seconds, bytes / 1048576.0 / seconds);
    }
}
