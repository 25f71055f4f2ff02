package io.karrier.broker.internal.client;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.body.SubscriptionGroupConfig;
import io.karrier.protocol.header.ConsumerGroupRequestHeader;

/**
 * Sends NOTIFY_CONSUMER_IDS_CHANGED (40), oneway, to each connection of a changed consumer group, so
 * its consumers rebalance at once instead of within 20 s. Off when the broker's setting or the
 * group's config turns it off (RocketMQ consults the group's config only for heartbeats and
 * unregisters; here it counts for closed and expired connections too).
 */
final class ConsumerIdsNotifier implements ConsumerIdsListener {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerIdsNotifier.class);

    private final boolean enabled;
    private final SubscriptionGroups subscriptionGroups;

    ConsumerIdsNotifier(ClientSettings settings, SubscriptionGroups subscriptionGroups) {
        this.enabled = settings.notifyConsumerIdsChangedEnable();
        this.subscriptionGroups = subscriptionGroups;
    }

    @Override
    public void consumerIdsChanged(String group, List<ClientChannel> members) {
        if (!enabled || !subscriptionGroups.find(group)
                .map(SubscriptionGroupConfig::notifyConsumerIdsChangedEnable).orElse(true)) {
            return;
        }
        ConsumerGroupRequestHeader header = new ConsumerGroupRequestHeader(group);
        for (ClientChannel member : members) {
            RemotingCommand request = header.writeTo(RemotingCommand.request(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED));
            member.invokeOneway(request).whenComplete((sent, failure) -> {
                if (failure != null) {
                    LOG.warn("Could not tell {} that consumer group {} changed: {}",
                            ClientRegistration.address(member), group, failure.toString());
                }
            });
        }
    }
}
