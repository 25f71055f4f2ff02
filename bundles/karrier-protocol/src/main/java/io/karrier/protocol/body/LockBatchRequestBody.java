package io.karrier.protocol.body;

import java.util.Set;

/**
 * The body of LOCK_BATCH_MQ (41; REMOTING.md §8.7): the queues a client of a group wants to hold.
 *
 * @param clientId the client asking
 * @param consumerGroup its consumer group
 * @param mqSet the queues; never {@code null}
 */
public record LockBatchRequestBody(String clientId, String consumerGroup, Set<MessageQueue> mqSet) {

    public LockBatchRequestBody {
        mqSet = Copies.set(mqSet);
    }
}
