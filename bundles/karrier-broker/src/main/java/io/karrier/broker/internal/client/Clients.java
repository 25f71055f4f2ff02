package io.karrier.broker.internal.client;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ChannelListener;
import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.store.DurableDocuments;
import io.karrier.broker.internal.ProcessorBinding;
import io.karrier.broker.internal.SubscriptionLookup;
import io.karrier.broker.internal.topic.TopicConfigs;
import io.karrier.protocol.RequestCode;

/**
 * The broker's view of its clients, wired: producer and consumer registries, subscription-group
 * configs, queue locks and the processors over them. It forgets a connection at once when it closes
 * ({@link ChannelListener}) and, in {@link #scan} every {@link #SCAN_INTERVAL}, registrations without a
 * heartbeat for {@link ClientSettings#clientExpiry}; it then closes their connection if nothing else
 * keeps it registered, as RocketMQ does, so a live client reconnects and registers again.
 */
public final class Clients implements ChannelListener {

    /** How often {@link #scan} should run (RocketMQ's ClientHousekeepingService: 10 s). */
    public static final Duration SCAN_INTERVAL = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(Clients.class);

    private final ProducerRegistry producers;
    private final ConsumerRegistry consumers;
    private final QueueLocks locks;
    private final SubscriptionGroups subscriptionGroups;
    private final List<ProcessorBinding> processors;

    /**
     * @param master whether this broker is a master (a slave refuses subscription-group changes)
     * @param removeGroupOffsets drops a group's committed offsets, for DELETE_SUBSCRIPTIONGROUP
     */
    public Clients(ClientSettings settings, boolean master, TopicConfigs topics, DurableDocuments documents,
            Clock clock, Consumer<String> removeGroupOffsets) throws IOException {
        this.subscriptionGroups = SubscriptionGroups.open(documents, settings, clock);
        this.producers = new ProducerRegistry(settings, clock);
        this.consumers = new ConsumerRegistry(settings, clock, new ConsumerIdsNotifier(settings, subscriptionGroups));
        this.locks = new QueueLocks(settings, clock);
        this.processors = List.of(
                ProcessorBinding.of(new ClientManageProcessor(producers, consumers, subscriptionGroups, topics),
                        RequestCode.HEART_BEAT, RequestCode.UNREGISTER_CLIENT, RequestCode.CHECK_CLIENT_CONFIG),
                ProcessorBinding.of(new ClientQueryProcessor(producers, consumers), RequestCode.GET_CONSUMER_LIST_BY_GROUP,
                        RequestCode.GET_CONSUMER_CONNECTION_LIST, RequestCode.GET_PRODUCER_CONNECTION_LIST),
                ProcessorBinding.of(new QueueLockProcessor(locks), RequestCode.LOCK_BATCH_MQ,
                        RequestCode.UNLOCK_BATCH_MQ),
                ProcessorBinding.of(new SubscriptionGroupAdminProcessor(subscriptionGroups, master, removeGroupOffsets),
                        RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG,
                        RequestCode.DELETE_SUBSCRIPTIONGROUP));
    }

    /** @return the processors of the client requests */
    public List<ProcessorBinding> processors() {
        return processors;
    }

    /** @return the consumers' subscriptions, for pulls that do not carry theirs */
    public SubscriptionLookup subscriptions() {
        return consumers;
    }

    public ProducerRegistry producers() {
        return producers;
    }

    public ConsumerRegistry consumers() {
        return consumers;
    }

    public SubscriptionGroups subscriptionGroups() {
        return subscriptionGroups;
    }

    @Override
    public void channelClosed(ClientChannel channel) {
        producers.channelClosed(channel);
        consumers.channelClosed(channel);
    }

    /** Drops registrations without a recent heartbeat and expired queue locks; never throws. */
    public void scan() {
        try {
            Set<ClientChannel> expired = new LinkedHashSet<>();
            producers.expire().forEach(client -> expired.add(client.channel()));
            consumers.expire().forEach(client -> expired.add(client.channel()));
            for (ClientChannel channel : expired) {
                if (channel.isActive() && !producers.contains(channel) && !consumers.contains(channel)) {
                    LOG.info("Closing the connection of {}: it sent no heartbeat in time",
                            ClientRegistration.address(channel));
                    channel.close();
                }
            }
            int dropped = locks.expire();
            if (dropped > 0) {
                LOG.info("Dropped {} expired queue locks", dropped);
            }
        } catch (RuntimeException e) {
            LOG.error("Client scan failed; will try again in {} s", SCAN_INTERVAL.toSeconds(), e);
        }
    }

    /** Writes the subscription-group table if it changed. */
    public void persist() throws IOException {
        subscriptionGroups.persist();
    }
}
