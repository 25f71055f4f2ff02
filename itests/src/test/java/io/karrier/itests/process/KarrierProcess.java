package io.karrier.itests.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The real Karrier distribution built in this run, running as a child process: a fresh copy per
 * instance on free loopback ports, started with {@code bin/karaf daemon} (the script {@code exec}s
 * the JVM, so the child process <em>is</em> Karaf's JVM and killing it kills the broker).
 *
 * <p>Every wait is bounded. A start that does not finish in time, or a process that dies while
 * starting, fails with the tail of {@code karaf.log}. {@link #close()} always leaves no process
 * behind, and a shutdown hook kills the child if the test JVM itself is ended.
 *
 * <p>Not thread-safe: one test thread drives it.
 */
public final class KarrierProcess implements AutoCloseable {

    public static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int TAIL_LINES = 80;

    public static final Pattern NAME_SERVER_STARTED = Pattern.compile("Karrier name server started on");
    public static final Pattern BROKER_STARTED = Pattern.compile("Karrier broker .* started on");
    public static final Pattern STORE_OPEN = Pattern.compile("Store (opened|recovered) \\(");
    public static final Pattern FLUSH_NOW_SYNC = Pattern.compile("Flush strategy now sync");
    public static final Pattern FLUSH_NOW_ASYNC = Pattern.compile("Flush strategy now async");
    private static final String SYNC_FLUSH_FEATURE = "karrier-flush-sync";
    /** What the {@code karrier} feature installs (features/src/main/feature/feature.xml). */
    private static final List<String> KARRIER_PARTS = List.of("karrier-store", "karrier-flush-async", "karrier-namesrv",
            "karrier-broker", "karrier-shell");

    private final KarrierDistribution distribution;
    private final KarafLog log;
    private final Thread killOnExit = new Thread(this::killQuietly, "kill-karrier-on-exit");
    private Process process;
    private long startedAtLogPosition;
    private boolean everStarted;

    private KarrierProcess(KarrierDistribution distribution) {
        this.distribution = distribution;
        this.log = new KarafLog(distribution.logFile());
    }

    /**
     * Unpacks a fresh distribution into {@code home} (deleting what was there) and configures
     * it; nothing runs until {@link #start()}.
     */
    public static KarrierProcess unpack(Path home) throws IOException, InterruptedException {
        return new KarrierProcess(KarrierDistribution.unpack(home));
    }

    /**
     * Boots with sync flush: adds {@code karrier-flush-sync} to the boot features. Only before the
     * first start: Karaf reads its boot features once, later boots keep what is installed.
     */
    public KarrierProcess withSyncFlushAtBoot() {
        if (everStarted) {
            throw new IllegalStateException("boot features are read on the first start only");
        }
        distribution.addBootFeature(SYNC_FLUSH_FEATURE);
        return this;
    }

    /**
     * Boots the parts of the {@code karrier} feature (store, async flush, name server, broker, shell)
     * as features of their own instead of {@code karrier}. Karaf uninstalls only a feature that was
     * installed by name, so this is what lets a test {@code feature:uninstall karrier-flush-async} or
     * {@code karrier-broker}. Only before the first start.
     */
    public KarrierProcess withKarrierPartsAsBootFeatures() {
        if (everStarted) {
            throw new IllegalStateException("boot features are read on the first start only");
        }
        distribution.replaceBootFeature("karrier", KARRIER_PARTS);
        return this;
    }

    /**
     * Starts Karaf and waits until the name server and broker ports accept connections and the
     * log says the name server, the broker and the store are up.
     */
    public void start() throws IOException, InterruptedException {
        if (isRunning()) {
            throw new IllegalStateException("already running as pid " + process.pid());
        }
        startedAtLogPosition = log.position();
        ProcessBuilder builder = new ProcessBuilder(distribution.home().resolve("bin/karaf").toString(), "daemon")
                .directory(distribution.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(distribution.consoleFile().toFile()));
        Map<String, String> env = builder.environment();
        // a developer's own Karaf settings must not leak into the child
        List.of("KARAF_HOME", "KARAF_BASE", "KARAF_DATA", "KARAF_ETC", "KARAF_LOG", "KARAF_OPTS", "KARAF_SYSTEM_OPTS",
                "KARAF_DEBUG", "JAVA_OPTS", "JAVA_DEBUG_OPTS").forEach(env::remove);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("EXTRA_JAVA_OPTS", "-Xms64m -Xmx512m");
        // after a SIGKILL the old pid is still recorded; the directory is ours alone
        env.put("CHECK_ROOT_INSTANCE_RUNNING", "false");
        process = builder.start();
        everStarted = true;
        registerKillOnExit();
        awaitReady();
    }

    /** Stops gracefully (SIGTERM: Karaf stops its bundles, the store closes cleanly), bounded. */
    public void stop() throws InterruptedException {
        if (!isRunning()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new IllegalStateException("Karrier did not stop within " + STOP_TIMEOUT + " of SIGTERM and was killed\n"
                    + logTail());
        }
    }

    /** Kills the JVM at once with SIGKILL, as a crash would, and waits until it is gone. */
    public void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        ProcessHandle jvm = process.toHandle();
        jvm.descendants().forEach(ProcessHandle::destroyForcibly);
        jvm.destroyForcibly();
        if (!process.waitFor(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("pid " + jvm.pid() + " still alive " + KILL_TIMEOUT + " after SIGKILL");
        }
    }

    /** Stops gracefully and starts again on the same directory and store. */
    public void restart() throws IOException, InterruptedException {
        stop();
        start();
    }

    /** Installs {@code karrier-flush-sync} while running and waits until the store uses it. */
    public void switchToSyncFlush() throws IOException, InterruptedException {
        long before = log.position();
        runConsoleCommands("feature:install " + SYNC_FLUSH_FEATURE);
        awaitLog(FLUSH_NOW_SYNC, before, Duration.ofSeconds(30));
    }

    /** Uninstalls {@code karrier-flush-sync} while running and waits until the store is back on async flush. */
    public void switchToAsyncFlush() throws IOException, InterruptedException {
        long before = log.position();
        runConsoleCommands("feature:uninstall " + SYNC_FLUSH_FEATURE);
        awaitLog(FLUSH_NOW_ASYNC, before, Duration.ofSeconds(30));
    }

    /**
     * Runs Karaf console commands through {@code bin/client} in batch mode (over the local ssh
     * port) and returns what they printed.
     */
    public String runConsoleCommands(String... commands) throws IOException, InterruptedException {
        requireRunning();
        Process client = new ProcessBuilder(distribution.home().resolve("bin/client").toString(),
                "-h", "127.0.0.1", "-a", Integer.toString(distribution.sshPort()), "-u", "karaf", "-p", "karaf",
                "-r", "10", "-d", "1", "-b")
                .directory(distribution.home().toFile())
                .redirectErrorStream(true)
                .start();
        client.getOutputStream().write((String.join("\n", commands) + "\n").getBytes());
        client.getOutputStream().close();
        if (!client.waitFor(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            client.destroyForcibly();
            throw new IllegalStateException("bin/client did not finish " + List.of(commands) + " within " + CLIENT_TIMEOUT);
        }
        String output = new String(client.getInputStream().readAllBytes());
        if (client.exitValue() != 0 || output.contains("Error executing command")) {
            throw new IllegalStateException("bin/client " + List.of(commands) + " failed (exit " + client.exitValue()
                    + "): " + output);
        }
        return output;
    }

    /** Waits until a line matching {@code pattern} is logged after this process's last start. */
    public void awaitLogSinceStart(Pattern pattern, Duration timeout) throws InterruptedException {
        awaitLog(pattern, startedAtLogPosition, timeout);
    }

    /** @return where {@code karaf.log} ends now, for {@link #awaitLogAfter} and {@link #logAfter} */
    public long logPosition() {
        return log.position();
    }

    /** Waits until a line matching {@code pattern} is logged after {@code position} ({@link #logPosition()}). */
    public void awaitLogAfter(Pattern pattern, long position, Duration timeout) throws InterruptedException {
        awaitLog(pattern, position, timeout);
    }

    /** @return the lines Karaf logged after {@code position} ({@link #logPosition()}) */
    public List<String> logAfter(long position) {
        return log.linesSince(position);
    }

    /** @return the lines Karaf logged since this process's last start */
    public List<String> logSinceStart() {
        return log.linesSince(startedAtLogPosition);
    }

    /** @return the last lines of {@code karaf.log}, to explain a failure */
    public String logTail() {
        return "--- last " + TAIL_LINES + " lines of " + distribution.logFile() + " ---\n" + log.tail(TAIL_LINES)
                + "\n--- end of karaf.log ---";
    }

    /** Stops gracefully if running (killing it if that fails); never throws. */
    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killQuietly();
        } catch (RuntimeException e) {
            System.err.println("Karrier in " + distribution.home() + " did not stop cleanly: " + e.getMessage());
            killQuietly();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is exiting, or the hook was never registered
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** @return the child process: Karaf's JVM itself */
    public ProcessHandle jvm() {
        requireRunning();
        return process.toHandle();
    }

    public String nameServerAddress() {
        return distribution.nameServerAddress();
    }

    public String brokerAddress() {
        return distribution.brokerAddress();
    }

    public int nameServerPort() {
        return distribution.nameServerPort();
    }

    public int brokerPort() {
        return distribution.brokerPort();
    }

    public Path home() {
        return distribution.home();
    }

    public Path storePath() {
        return distribution.storePath();
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Karrier exited with code " + process.exitValue() + " while starting; see "
                        + distribution.consoleFile() + "\n" + logTail());
            }
            if (accepts(distribution.nameServerPort()) && accepts(distribution.brokerPort()) && readyInLog()) {
                return;
            }
            Thread.sleep(POLL.toMillis());
        }
        killQuietly();
        throw new IllegalStateException("Karrier did not start within " + START_TIMEOUT + " (name server port "
                + distribution.nameServerPort() + ", broker port " + distribution.brokerPort() + ")\n" + logTail());
    }

    private boolean readyInLog() {
        List<String> lines = log.linesSince(startedAtLogPosition);
        return List.of(NAME_SERVER_STARTED, BROKER_STARTED, STORE_OPEN).stream()
                .allMatch(pattern -> lines.stream().anyMatch(line -> pattern.matcher(line).find()));
    }

    private void awaitLog(Pattern pattern, long since, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log.containsSince(since, pattern)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no log line matching '" + pattern + "' within " + timeout + "\n"
                        + logTail());
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void requireRunning() {
        if (!isRunning()) {
            throw new IllegalStateException("Karrier is not running");
        }
    }

    private void registerKillOnExit() {
        try {
            Runtime.getRuntime().addShutdownHook(killOnExit);
        } catch (IllegalArgumentException alreadyRegistered) {
            // registered by an earlier start of this instance
        }
    }

    private void killQuietly() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.err.println("Could not kill Karrier in " + distribution.home() + ": " + e.getMessage());
        }
    }
}
