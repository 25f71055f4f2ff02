package io.karrier.protocol.body;

import java.util.Set;

/**
 * The body of UNLOCK_BATCH_MQ (42; REMOTING.md §8.7): the queues a client releases.
 *
 * @param clientId the client releasing
 * @param consumerGroup its consumer group
 * @param mqSet the queues; never {@code null}
 */
public record UnlockBatchRequestBody(String clientId, String consumerGroup, Set<MessageQueue> mqSet) {

    public UnlockBatchRequestBody {
        mqSet = Copies.set(mqSet);
    }
}
