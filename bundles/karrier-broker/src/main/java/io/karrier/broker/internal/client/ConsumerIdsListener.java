package io.karrier.broker.internal.client;

import java.util.List;

import io.karrier.api.remoting.ClientChannel;

/** Told when a consumer group's connections or subscribed topics changed, so its consumers rebalance. */
@FunctionalInterface
interface ConsumerIdsListener {

    /**
     * Called after the change, outside any lock; must not block.
     *
     * @param group the consumer group
     * @param members the group's connections after the change; empty if none is left
     */
    void consumerIdsChanged(String group, List<ClientChannel> members);
}
