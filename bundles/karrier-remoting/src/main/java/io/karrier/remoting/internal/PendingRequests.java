package io.karrier.remoting.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RemotingException;
import io.karrier.api.remoting.RemotingException.Reason;
import io.netty.util.Timeout;
import io.netty.util.Timer;

/**
 * Requests sent on one connection and waiting for their response, matched by opaque. Each has a
 * timeout on a shared timer; all fail at once when the connection closes. Thread-safe.
 */
final class PendingRequests {

    private static final AtomicInteger NEXT_OPAQUE = new AtomicInteger();

    private record Pending(CompletableFuture<RemotingCommand> response, Timeout timeout) {
    }

    private final Map<Integer, Pending> byOpaque = new ConcurrentHashMap<>();
    private final Timer timer;
    private final Object peer;

    /** @param peer names the other side in failures, through its {@code toString()} */
    PendingRequests(Timer timer, Object peer) {
        this.timer = timer;
        this.peer = peer;
    }

    /** @return a fresh opaque, unique within this process for a long while */
    static int nextOpaque() {
        return NEXT_OPAQUE.getAndIncrement();
    }

    /**
     * @param opaque the request's opaque
     * @param timeout how long to wait for the response
     * @return completes with the response, or fails with {@link RemotingException}
     */
    CompletableFuture<RemotingCommand> register(int opaque, Duration timeout) {
        CompletableFuture<RemotingCommand> response = new CompletableFuture<>();
        Timeout timer = this.timer.newTimeout(t -> fail(opaque, new RemotingException(Reason.TIMEOUT,
                "no response from " + peer + " within " + timeout.toMillis() + " ms", null)),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
        byOpaque.put(opaque, new Pending(response, timer));
        return response;
    }

    /** Completes the request the response answers; a response nobody waits for is dropped. */
    void complete(RemotingCommand response) {
        Pending pending = byOpaque.remove(response.opaque());
        if (pending != null) {
            pending.timeout().cancel();
            pending.response().complete(response);
        }
    }

    void fail(int opaque, RemotingException failure) {
        Pending pending = byOpaque.remove(opaque);
        if (pending != null) {
            pending.timeout().cancel();
            pending.response().completeExceptionally(failure);
        }
    }

    /** Fails every waiting request: the connection is gone. */
    void failAll() {
        for (Integer opaque : byOpaque.keySet()) {
            fail(opaque, new RemotingException(Reason.CONNECTION_CLOSED,
                    "connection to " + peer + " closed before the response arrived", null));
        }
    }
}
