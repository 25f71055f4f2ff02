package io.karrier.store.internal.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that rewrites an {@link AtomicFile} in a loop (SIGKILL via
 * {@link Process#destroyForcibly()}) at random moments, and checks after each kill that the file
 * reads (from main or backup) as one complete version holding at least the last round whose write
 * had returned. A process kill keeps the page cache, so this tests the write protocol
 * (temp, renames, backup fallback), not fsync; power loss is not simulated.
 */
class AtomicFileCrashTest {

    // Three independent chains of four kills each: twelve kills, and parallel chains keep the wall
    // time under the bound on a busy two-core machine, where one JVM start can take two seconds.
    private static final int CHAINS = 3;
    private static final int ROUNDS_PER_CHAIN = 4;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void fileSurvivesKillsAtRandomMoments() throws Throwable {
        ExecutorService pool = Executors.newFixedThreadPool(CHAINS);
        try {
            List<Future<Long>> chains = new ArrayList<>();
            for (int chain = 0; chain < CHAINS; chain++) {
                Path chainDir = dir.resolve("chain-" + chain);
                chains.add(pool.submit(() -> killRepeatedly(chainDir)));
            }
            for (Future<Long> chain : chains) {
                try {
                    assertThat(chain.get()).as("rounds persisted in a chain").isGreaterThan(ROUNDS_PER_CHAIN);
                } catch (ExecutionException e) {
                    throw e.getCause();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Kills a child {@link #ROUNDS_PER_CHAIN} times over one file; returns the round finally read. */
    private static long killRepeatedly(Path chainDir) throws Exception {
        Files.createDirectories(chainDir);
        Path file = chainDir.resolve("config/consumerOffset.json");
        Random random = new Random();
        long previous = 0;
        for (int round = 0; round < ROUNDS_PER_CHAIN; round++) {
            long persisted = runAndKill(chainDir, file, random.nextInt(100), round);

            long loaded = new AtomicFile(file).read((content, source) -> AtomicFileWriteLoop.decode(content))
                    .orElseThrow();
            assertThat(loaded).as("%s round %d: last persist that returned", chainDir, round)
                    .isGreaterThanOrEqualTo(persisted);
            assertThat(loaded).as("never goes back").isGreaterThanOrEqualTo(previous);
            previous = loaded;
        }
        return previous;
    }

    /** Runs the child until it persisted at least once, waits {@code delayMillis}, kills it. */
    private static long runAndKill(Path chainDir, Path file, int delayMillis, int round) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path stderr = chainDir.resolve("child-" + round + ".err");
        Process child = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), AtomicFileWriteLoop.class.getName(), file.toString())
                .redirectError(stderr.toFile())
                .start();
        AtomicLong lastPersisted = new AtomicLong(-1);
        CountDownLatch persistedOnce = new CountDownLatch(1);
        Thread reader = new Thread(() -> readProgress(child, lastPersisted, persistedOnce), "crash-child-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            boolean started = persistedOnce.await(10, TimeUnit.SECONDS);
            assertThat(started).as("child started and persisted; stderr: %s", Files.exists(stderr)
                    ? Files.readString(stderr) : "").isTrue();
            Thread.sleep(delayMillis);
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(5_000);
        return lastPersisted.get();
    }

    private static void readProgress(Process child, AtomicLong lastPersisted, CountDownLatch persistedOnce) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("persisted ")) {
                    lastPersisted.set(Long.parseLong(line.substring("persisted ".length())));
                    persistedOnce.countDown();
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The child was killed mid-line or the pipe closed: what was read so far stands.
        }
    }
}
