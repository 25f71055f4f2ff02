package io.karrier.broker.internal.client;

import java.time.Duration;

/**
 * How the broker keeps track of its clients: producer and consumer groups, their subscription-group
 * configs and the queue locks of orderly consumers.
 *
 * @param autoCreateSubscriptionGroup whether a consumer group's first heartbeat creates its config
 * @param notifyConsumerIdsChangedEnable whether consumers are told when their group changes (each
 *        group's config can also turn it off)
 * @param clientExpiry how long a client stays registered without a heartbeat (RocketMQ: 120 s)
 * @param queueLockExpiry how long a queue lock lasts without renewal (RocketMQ's
 *        {@code rocketmq.broker.rebalance.lockMaxLiveTime}, 60 s)
 * @param maxClientRegistrations the most connections registered in groups, per registry (producers,
 *        consumers); a heartbeat beyond it is not recorded for the new group
 * @param maxSubscriptionsPerGroup the most topics one consumer group may subscribe to
 * @param maxSubscriptionGroups the most subscription-group configs kept
 * @param maxQueueLocks the most queue locks held at once
 */
public record ClientSettings(boolean autoCreateSubscriptionGroup, boolean notifyConsumerIdsChangedEnable,
        Duration clientExpiry, Duration queueLockExpiry, int maxClientRegistrations, int maxSubscriptionsPerGroup,
        int maxSubscriptionGroups, int maxQueueLocks) {

    /** @return RocketMQ's behaviour with Karrier's limits; what an empty configuration gives */
    public static ClientSettings defaults() {
        return new ClientSettings(true, true, Duration.ofSeconds(120), Duration.ofSeconds(60), 100_000, 1_000, 10_000,
                100_000);
    }
}
