package io.karrier.itests.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.karrier.itests.process.KarrierExtension;
import io.karrier.itests.process.KarrierProcess;

/**
 * Issue 6: hot swap under load. One Karrier (the distribution, booted with each part of the
 * {@code karrier} feature as a feature of its own so each can be uninstalled), one producer
 * sending synchronously from several threads without pause (client retries on, 3 s send
 * timeout) and one push consumer group receiving, all through the scenarios in turn: the flush
 * strategy swapped async to sync and back three times, {@code bundle:restart} of the remoting,
 * store and broker bundles, and the broker feature uninstalled and installed again.
 *
 * <p>After each scenario: every acknowledged message is received intact (after a bounded wait
 * for the group to catch up), sends failed only with errors the client retries, and the longest
 * time between two acknowledgements is measured. A flush swap must keep it under
 * {@link #FLUSH_SWAP_MAX_GAP} and must never leave the store without a strategy; a bundle or
 * feature restart has its cost recorded only. The figures go to the test output and to
 * {@code target/hotswap-figures.md}.
 *
 * <p>Why a child process and not Pax Exam's container: see itests/README.md.
 */
@Timeout(value = 360, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class HotSwapIT {

    private static final int QUEUES = 4;
    private static final int SENDER_THREADS = 4;
    private static final int SEND_TIMEOUT_MILLIS = 3_000;
    private static final int FLUSH_SWAP_ROUNDS = 3;
    private static final Duration FLUSH_SWAP_MAX_GAP = Duration.ofSeconds(1);
    /** Acknowledgements wanted after a scenario's commands before its window closes: sends flow again. */
    private static final int ACKS_TO_CLOSE_WINDOW = 200;
    private static final Duration SENDS_RESUME_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Path FIGURES_FILE = Path.of("target", "hotswap-figures.md");
    private static final Pattern NO_FLUSH_STRATEGY = Pattern.compile("none is present: appends wait");

    @RegisterExtension
    static final KarrierExtension karrier = KarrierExtension.asyncFlushWithPartsAsBootFeatures();

    private KarrierProcess process;
    private ContinuousSends sends;
    private ConsumedLedger ledger;

    @Test
    void swapsUnderLoadLoseNothing() throws Exception {
        process = karrier.process();
        List<SwapFigures> figures = new ArrayList<>();
        try (Clients clients = new Clients(process)) {
            String topic = Clients.unique("hotswap");
            clients.createTopic(topic, QUEUES);
            ledger = new ConsumedLedger();
            clients.pushConsumer(Clients.unique("hotswapGroup"), topic, "*", ledger.listener());
            try (ContinuousSends running = new ContinuousSends(clients.retryingProducer(SEND_TIMEOUT_MILLIS), topic,
                    SENDER_THREADS)) {
                sends = running;
                figures.add(scenario("steady traffic, nothing swapped (reference)", () -> Thread.sleep(3_000)));
                for (int round = 1; round <= FLUSH_SWAP_ROUNDS; round++) {
                    figures.add(scenario("flush async -> sync, round " + round, this::swapAsyncToSync));
                    figures.add(scenario("flush sync -> async, round " + round, this::swapSyncToAsync));
                }
                figures.add(scenario("bundle:restart io.karrier.remoting", () -> restartBundle("io.karrier.remoting",
                        KarrierProcess.NAME_SERVER_STARTED, KarrierProcess.BROKER_STARTED)));
                figures.add(scenario("bundle:restart io.karrier.store", () -> restartBundle("io.karrier.store",
                        KarrierProcess.STORE_OPEN, KarrierProcess.BROKER_STARTED)));
                figures.add(scenario("bundle:restart io.karrier.broker", () -> restartBundle("io.karrier.broker",
                        KarrierProcess.BROKER_STARTED)));
                figures.add(scenario("feature:uninstall + install karrier-broker", this::reinstallBrokerFeature));
            } finally {
                report(figures);
            }
        }
        assertFigures(figures);
    }

    private void swapAsyncToSync() throws Exception {
        long before = process.logPosition();
        String bundles = process.runConsoleCommands("feature:install karrier-flush-sync",
                "feature:uninstall karrier-flush-async", "bundle:list -s");
        process.awaitLogAfter(KarrierProcess.FLUSH_NOW_SYNC, before, READY_TIMEOUT);
        requireBundles(bundles, "io.karrier.flush.sync", "io.karrier.flush.async");
    }

    private void swapSyncToAsync() throws Exception {
        long before = process.logPosition();
        String bundles = process.runConsoleCommands("feature:install karrier-flush-async",
                "feature:uninstall karrier-flush-sync", "bundle:list -s");
        process.awaitLogAfter(KarrierProcess.FLUSH_NOW_ASYNC, before, READY_TIMEOUT);
        requireBundles(bundles, "io.karrier.flush.async", "io.karrier.flush.sync");
    }

    private static void requireBundles(String bundleList, String present, String absent) {
        if (!bundleList.contains(present) || bundleList.contains(absent)) {
            throw new AssertionError("after the swap, " + present + " should be installed and " + absent
                    + " not; bundle:list -s says:\n" + bundleList);
        }
    }

    private void restartBundle(String symbolicName, Pattern... readyAgain) throws Exception {
        long before = process.logPosition();
        process.runConsoleCommands("bundle:restart " + symbolicName);
        for (Pattern ready : readyAgain) {
            process.awaitLogAfter(ready, before, READY_TIMEOUT);
        }
    }

    private void reinstallBrokerFeature() throws Exception {
        long before = process.logPosition();
        // the store is a boot feature of its own here, so only the broker bundle goes and comes back
        process.runConsoleCommands("feature:uninstall karrier-broker", "feature:install karrier-broker");
        process.awaitLogAfter(KarrierProcess.BROKER_STARTED, before, READY_TIMEOUT);
    }

    /**
     * Runs {@code action} under the running traffic, waits until sends are acknowledged again and
     * every message acknowledged so far was received (bounded), and returns what it cost.
     */
    private SwapFigures scenario(String name, Action action) throws Exception {
        Map<String, Long> failuresBefore = sends.failuresByKind();
        ConsumedLedger.Counts consumedBefore = ledger.counts();
        long logBefore = process.logPosition();
        long windowStart = System.nanoTime();
        action.run();
        awaitAcknowledgementsAfter(System.nanoTime());
        Thread.sleep(SETTLE.toMillis());
        long windowEnd = System.nanoTime();
        int issued = sends.issued();
        List<Integer> lost = ledger.awaitReceived(issued, sequence -> sends.acknowledgedAt(sequence) != 0,
                CATCH_UP_TIMEOUT);
        long[] acks = sends.acknowledgementsBetween(windowStart, windowEnd);
        List<String> noStrategy = process.logAfter(logBefore).stream()
                .filter(line -> NO_FLUSH_STRATEGY.matcher(line).find()).toList();
        SwapFigures figures = new SwapFigures(name, TimeUnit.NANOSECONDS.toMillis(windowEnd - windowStart), acks.length,
                TimeUnit.NANOSECONDS.toMillis(longestGap(acks, windowStart, windowEnd)),
                difference(sends.failuresByKind(), failuresBefore), ledger.counts().minus(consumedBefore), lost,
                noStrategy);
        System.out.printf("hot swap: %s: %d acks, longest gap %d ms, failures %s, %d lost%n", name,
                figures.acknowledged(), figures.maxGapMillis(), figures.failures(), lost.size());
        return figures;
    }

    /** Waits until {@link #ACKS_TO_CLOSE_WINDOW} sends were acknowledged after {@code sinceNanos}. */
    private void awaitAcknowledgementsAfter(long sinceNanos) throws InterruptedException {
        long deadline = sinceNanos + SENDS_RESUME_TIMEOUT.toNanos();
        while (sends.acknowledgementsBetween(sinceNanos, System.nanoTime()).length < ACKS_TO_CLOSE_WINDOW) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("sends not acknowledged again within " + SENDS_RESUME_TIMEOUT
                        + "; failures so far " + sends.failuresByKind() + ", first of each: " + sends.firstFailureMessages()
                        + "\n" + process.logTail());
            }
            Thread.sleep(100);
        }
    }

    /** The longest stretch without an acknowledgement, the window's edges included. */
    static long longestGap(long[] sortedAcks, long windowStart, long windowEnd) {
        long previous = windowStart;
        long longest = 0;
        for (long ack : sortedAcks) {
            longest = Math.max(longest, ack - previous);
            previous = ack;
        }
        return Math.max(longest, windowEnd - previous);
    }

    private static Map<String, Long> difference(Map<String, Long> now, Map<String, Long> before) {
        Map<String, Long> difference = new HashMap<>();
        now.forEach((kind, count) -> {
            long added = count - before.getOrDefault(kind, 0L);
            if (added > 0) {
                difference.put(kind, added);
            }
        });
        return difference;
    }

    private void report(List<SwapFigures> figures) throws IOException {
        String table = SwapFigures.table(figures);
        String failures = sends == null ? "" : "first failure of each kind: " + sends.firstFailureMessages() + "\n";
        String corrupt = ledger == null || ledger.corruptExamples().isEmpty() ? ""
                : "corrupt records: " + ledger.corruptExamples() + "\n";
        System.out.println("Hot swap under load (" + SENDER_THREADS + " sending threads, send timeout "
                + SEND_TIMEOUT_MILLIS + " ms, client retries on)\n" + table + failures + corrupt);
        Files.createDirectories(FIGURES_FILE.getParent());
        Files.writeString(FIGURES_FILE, table + failures + corrupt);
    }

    private static void assertFigures(List<SwapFigures> figures) {
        SoftAssertions softly = new SoftAssertions();
        for (SwapFigures scenario : figures) {
            softly.assertThat(scenario.lost()).as("%s: acknowledged messages never received", scenario.scenario())
                    .isEmpty();
            softly.assertThat(scenario.consumed().corrupt()).as("%s: corrupt records", scenario.scenario()).isZero();
            softly.assertThat(scenario.failures().keySet()).as("%s: kinds of failed sends", scenario.scenario())
                    .allMatch(ContinuousSends::isRetriable);
            if (scenario.scenario().startsWith("flush")) {
                softly.assertThat(scenario.noFlushStrategyLines()).as("%s: store left without a flush strategy",
                        scenario.scenario()).isEmpty();
                softly.assertThat(scenario.maxGapMillis()).as("GOAL OF ISSUE 6: %s: longest gap between"
                        + " acknowledgements (ms) under %s", scenario.scenario(), FLUSH_SWAP_MAX_GAP)
                        .isLessThan(FLUSH_SWAP_MAX_GAP.toMillis());
            }
        }
        softly.assertAll();
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }
}
