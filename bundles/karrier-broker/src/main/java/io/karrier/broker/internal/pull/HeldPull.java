package io.karrier.broker.internal.pull;

import java.util.concurrent.CompletableFuture;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.store.MessageFilter;
import io.karrier.protocol.header.PullMessageRequestHeader;

/**
 * A pull that found nothing and waits for a message (long polling). Owned by one thread at a time:
 * the one that holds it, then the wake-up thread that takes it out of {@link HeldPulls}.
 */
final class HeldPull {

    final ClientChannel channel;
    final PullMessageRequestHeader header;
    final MessageFilter filter;
    final long deadlineNanos;
    final CompletableFuture<RemotingCommand> answer = new CompletableFuture<>();
    /** Where the next read starts: every entry below it was read and did not match the filter. */
    long resumeOffset;

    HeldPull(ClientChannel channel, PullMessageRequestHeader header, MessageFilter filter, long deadlineNanos) {
        this.channel = channel;
        this.header = header;
        this.filter = filter;
        this.deadlineNanos = deadlineNanos;
        this.resumeOffset = header.queueOffset();
    }

    /** A key of the queue the pull waits on. */
    QueueKey queue() {
        return new QueueKey(header.topic(), header.queueId());
    }

    /** A topic and queue id. */
    record QueueKey(String topic, int queueId) {
    }
}
