package io.karrier.protocol.body;

import java.util.Set;

/**
 * A consumer group in a heartbeat (REMOTING.md §3.3, §8.3).
 *
 * @param consumeFromWhere where to start without a stored offset
 * @param consumeType push or pull
 * @param groupName the consumer group
 * @param messageModel clustering or broadcasting
 * @param subscriptionDataSet the subscriptions; never {@code null}
 * @param unitMode the retired unit mode
 */
public record ConsumerData(ConsumeFromWhere consumeFromWhere, ConsumeType consumeType, String groupName,
        MessageModel messageModel, Set<SubscriptionData> subscriptionDataSet, boolean unitMode) {

    public ConsumerData {
        subscriptionDataSet = Copies.set(subscriptionDataSet);
    }
}
