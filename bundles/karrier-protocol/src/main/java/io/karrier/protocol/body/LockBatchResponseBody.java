package io.karrier.protocol.body;

import java.util.Set;

/**
 * The response body of LOCK_BATCH_MQ (41): the queues the client now holds. Always sent, even
 * empty ({@code {"lockOKMQSet":[]}}, REMOTING.md §11 item 18).
 *
 * @param lockOKMQSet the locked queues; never {@code null}
 */
public record LockBatchResponseBody(Set<MessageQueue> lockOKMQSet) {

    public LockBatchResponseBody {
        lockOKMQSet = Copies.set(lockOKMQSet);
    }
}
