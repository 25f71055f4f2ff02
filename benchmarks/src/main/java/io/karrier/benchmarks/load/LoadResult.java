package io.karrier.benchmarks.load;

import java.time.Duration;

/**
 * What a run did.
 *
 * @param description what ran (mode, topic, settings), for the first line of the report
 * @param messages    messages sent successfully (produce) or received (consume)
 * @param errors      sends that failed
 * @param bytes       body bytes of those messages
 * @param elapsed     from the first send (or the consumer's start) to the last completion
 * @param latency     per message: send to acknowledgement (produce), born to delivery (consume)
 * @param firstError  the first failure seen, or null
 */
record LoadResult(String description, long messages, long errors, long bytes, Duration elapsed,
        Latencies.Summary latency, String firstError) {

    double messagesPerSecond() {
        return elapsed.isZero() ? 0 : messages / seconds();
    }

    double megabytesPerSecond() {
        return elapsed.isZero() ? 0 : bytes / seconds() / (1024 * 1024);
    }

    private double seconds() {
        return elapsed.toNanos() / 1e9;
    }

    /** @return the lines the tool prints */
    String report() {
        return String.format("%s%nmessages=%d errors=%d elapsed=%.2fs tps=%.1f MiB/s=%.2f%n%s%s", description, messages,
                errors, seconds(), messagesPerSecond(), megabytesPerSecond(), latency,
                firstError == null ? "" : String.format("%nfirst error: %s", firstError));
    }
}
