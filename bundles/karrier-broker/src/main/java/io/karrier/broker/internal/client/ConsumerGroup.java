package io.karrier.broker.internal.client;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.protocol.body.Connection;
import io.karrier.protocol.body.ConsumeFromWhere;
import io.karrier.protocol.body.ConsumeType;
import io.karrier.protocol.body.ConsumerConnection;
import io.karrier.protocol.body.ConsumerData;
import io.karrier.protocol.body.MessageModel;
import io.karrier.protocol.body.SubscriptionData;

/**
 * One consumer group: its connections, the settings its last heartbeat reported and its
 * subscriptions by topic (RocketMQ's ConsumerGroupInfo). Thread-safety as {@link GroupMembers}:
 * changed by one thread at a time, read from any.
 */
final class ConsumerGroup {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerGroup.class);

    private final String name;
    private final GroupMembers members = new GroupMembers();
    private final ConcurrentHashMap<String, SubscriptionData> subscriptions = new ConcurrentHashMap<>();
    private volatile ConsumeType consumeType;
    private volatile MessageModel messageModel;
    private volatile ConsumeFromWhere consumeFromWhere;

    ConsumerGroup(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    GroupMembers members() {
        return members;
    }

    /**
     * Records a heartbeat of one client. The group's settings become the client's; a topic the
     * client subscribes to anew, or no longer, changes the subscriptions, as does a newer
     * {@code subVersion} of a topic (which, as in RocketMQ, does not count as a change: the queues
     * to share stay the same).
     *
     * @return whether the group's connections or subscribed topics changed
     */
    boolean update(ClientRegistration client, ConsumerData data) {
        consumeType = data.consumeType();
        messageModel = data.messageModel();
        consumeFromWhere = data.consumeFromWhere();
        ClientRegistration previous = members.put(client);
        if (previous == null) {
            LOG.info("Consumer {} joined group {} ({}, {})", client, name, data.consumeType(), data.messageModel());
        } else if (!previous.clientId().equals(client.clientId())) {
            LOG.warn("Consumer connection {} of group {} changed its client id from {}", client, name,
                    previous.clientId());
        }
        boolean topicsChanged = updateSubscriptions(data.subscriptionDataSet());
        return previous == null || topicsChanged;
    }

    private boolean updateSubscriptions(Set<SubscriptionData> latest) {
        boolean topicsChanged = false;
        Set<String> topics = new HashSet<>();
        for (SubscriptionData subscription : latest) {
            topics.add(subscription.topic());
            SubscriptionData old = subscriptions.get(subscription.topic());
            if (old == null) {
                subscriptions.put(subscription.topic(), subscription);
                LOG.info("Consumer group {} subscribes to {}: {}", name, subscription.topic(), subscription.subString());
                topicsChanged = true;
            } else if (subscription.subVersion() > old.subVersion()) {
                subscriptions.put(subscription.topic(), subscription);
                if (!Objects.equals(old.subString(), subscription.subString())) {
                    LOG.info("Consumer group {} changed its subscription to {}: {} -> {}", name,
                            subscription.topic(), old.subString(), subscription.subString());
                }
            }
        }
        for (String topic : subscriptions.keySet()) {
            if (!topics.contains(topic)) {
                subscriptions.remove(topic);
                LOG.info("Consumer group {} no longer subscribes to {}", name, topic);
                topicsChanged = true;
            }
        }
        return topicsChanged;
    }

    Optional<SubscriptionData> subscription(String topic) {
        return Optional.ofNullable(subscriptions.get(topic));
    }

    /** @return the group as GET_CONSUMER_CONNECTION_LIST shows it */
    ConsumerConnection toConnection() {
        Set<Connection> connections = new HashSet<>();
        members.all().forEach(client -> connections.add(client.toConnection()));
        Map<String, SubscriptionData> topics = new TreeMap<>(subscriptions);
        return new ConsumerConnection(connections, consumeFromWhere, consumeType, messageModel, topics);
    }
}
