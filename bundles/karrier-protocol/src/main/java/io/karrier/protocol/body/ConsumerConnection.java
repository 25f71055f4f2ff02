package io.karrier.protocol.body;

import java.util.Map;
import java.util.Set;

/**
 * The response body of GET_CONSUMER_CONNECTION_LIST (203; REMOTING.md §3.3).
 *
 * @param connectionSet the group's live connections; never {@code null}
 * @param consumeFromWhere the group's consume-from-where
 * @param consumeType the group's consume type
 * @param messageModel the group's message model
 * @param subscriptionTable topic to subscription; never {@code null}
 */
public record ConsumerConnection(Set<Connection> connectionSet, ConsumeFromWhere consumeFromWhere,
        ConsumeType consumeType, MessageModel messageModel, Map<String, SubscriptionData> subscriptionTable) {

    public ConsumerConnection {
        connectionSet = Copies.set(connectionSet);
        subscriptionTable = Copies.map(subscriptionTable);
    }
}
