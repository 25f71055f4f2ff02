package io.karrier.flush.sync.internal;

import java.util.concurrent.CompletableFuture;

import io.karrier.api.flush.FlushFailedException;

/**
 * One append waiting for the force that covers its end position (RocketMQ's GroupCommitRequest).
 * Completed at most once: by the group-commit thread after a force, by the timeout watchdog, or by
 * detach; whichever comes first wins and the others are no-ops.
 */
final class Waiter {

    final long endPosition;
    final long deadlineNanos;
    final CompletableFuture<Void> future = new CompletableFuture<>();

    Waiter(long endPosition, long deadlineNanos) {
        this.endPosition = endPosition;
        this.deadlineNanos = deadlineNanos;
    }

    void durable() {
        future.complete(null);
    }

    void fail(String message, boolean timedOut, Throwable cause) {
        future.completeExceptionally(new FlushFailedException(message, timedOut, cause));
    }

    boolean isDone() {
        return future.isDone();
    }
}
