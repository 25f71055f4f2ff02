package io.karrier.broker.internal.client;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.LanguageCode;
import io.karrier.broker.internal.SubscriptionLookup;
import io.karrier.protocol.body.ConsumerConnection;
import io.karrier.protocol.body.ConsumerData;
import io.karrier.protocol.body.SubscriptionData;

/**
 * The consumer groups of connected clients, built from heartbeats (RocketMQ's ConsumerManager). A
 * connection leaves a group when it unregisters, when it closes and when it sent no heartbeat for
 * {@link ClientSettings#clientExpiry}; each change of a group's connections or subscribed topics is
 * reported to the {@link ConsumerIdsListener} (RocketMQ 4.9.7 reports no expiry; the remaining
 * consumers would take over the silent client's queues only at their next 20 s rebalance). A group
 * exists while it has a connection.
 *
 * <p>Thread-safety: all methods may be called concurrently. A group is changed only inside
 * {@link ConcurrentHashMap#compute} on its entry, so a heartbeat cannot add a connection to a group
 * that a concurrent removal is dropping; lookups read without locks.
 */
public final class ConsumerRegistry implements SubscriptionLookup {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerRegistry.class);

    private final ConcurrentHashMap<String, ConsumerGroup> groups = new ConcurrentHashMap<>();
    private final RegistrationBudget budget;
    private final int maxSubscriptionsPerGroup;
    private final Duration expiry;
    private final Clock clock;
    private final ConsumerIdsListener listener;

    ConsumerRegistry(ClientSettings settings, Clock clock, ConsumerIdsListener listener) {
        this.budget = new RegistrationBudget(settings.maxClientRegistrations());
        this.maxSubscriptionsPerGroup = settings.maxSubscriptionsPerGroup();
        this.expiry = settings.clientExpiry();
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Records that a client's heartbeat named this consumer group.
     *
     * @return whether the group's connections or subscribed topics changed (its consumers are told)
     */
    public boolean register(String group, ClientChannel channel, String clientId, LanguageCode language, int version,
            ConsumerData data) {
        ClientRegistration client = new ClientRegistration(channel, clientId, language, version, clock.millis());
        if (data.subscriptionDataSet().size() > maxSubscriptionsPerGroup) {
            LOG.warn("Not registering consumer {} in group {}: it subscribes to {} topics, the limit is {}", client,
                    group, data.subscriptionDataSet().size(), maxSubscriptionsPerGroup);
            return false;
        }
        boolean[] changed = new boolean[1];
        List<ClientChannel> members = new ArrayList<>();
        groups.compute(group, (name, existing) -> {
            if (!channel.isActive()) {
                return existing; // closed while the heartbeat waited: channelClosed may have passed this group
            }
            if ((existing == null || !existing.members().contains(channel)) && !budget.tryTake()) {
                LOG.warn("Not registering consumer {} in group {}: {} consumer registrations, the limit", client,
                        name, budget.limit());
                return existing;
            }
            ConsumerGroup target = existing != null ? existing : new ConsumerGroup(name);
            changed[0] = target.update(client, data);
            members.addAll(target.members().channels());
            return target;
        });
        if (changed[0]) {
            listener.consumerIdsChanged(group, members);
        }
        return changed[0];
    }

    /** Removes a connection from a group at its client's request (UNREGISTER_CLIENT). */
    public void unregister(String group, ClientChannel channel) {
        remove(group, channel, "unregistered");
    }

    /** Removes a closed connection from every group. */
    public void channelClosed(ClientChannel channel) {
        for (String group : groups.keySet()) {
            remove(group, channel, "connection closed");
        }
    }

    private void remove(String group, ClientChannel channel, String why) {
        List<ClientChannel> members = new ArrayList<>();
        boolean[] removed = new boolean[1];
        groups.computeIfPresent(group, (name, existing) -> {
            ClientRegistration client = existing.members().remove(channel);
            if (client == null) {
                return existing;
            }
            removed[0] = true;
            budget.release(1);
            LOG.info("Consumer {} left group {}: {}", client, name, why);
            return remainder(existing, members);
        });
        if (removed[0]) {
            listener.consumerIdsChanged(group, members);
        }
    }

    /**
     * Removes every connection whose last heartbeat is older than the expiry.
     *
     * @return the removed registrations
     */
    List<ClientRegistration> expire() {
        long deadline = clock.millis() - expiry.toMillis();
        List<ClientRegistration> expired = new ArrayList<>();
        for (String group : groups.keySet()) {
            List<ClientChannel> members = new ArrayList<>();
            List<ClientRegistration> removed = new ArrayList<>();
            groups.computeIfPresent(group, (name, existing) -> {
                removed.addAll(existing.members().removeSeenBefore(deadline));
                if (removed.isEmpty()) {
                    return existing;
                }
                budget.release(removed.size());
                removed.forEach(client -> LOG.info("Consumer {} left group {}: no heartbeat for {} s", client, name,
                        expiry.toSeconds()));
                return remainder(existing, members);
            });
            if (!removed.isEmpty()) {
                expired.addAll(removed);
                listener.consumerIdsChanged(group, members);
            }
        }
        return expired;
    }

    /** Copies what is left of a group into {@code members}; returns the group, or null to drop it when empty. */
    private static ConsumerGroup remainder(ConsumerGroup group, List<ClientChannel> members) {
        members.addAll(group.members().channels());
        if (members.isEmpty()) {
            LOG.info("Consumer group {} has no connection left", group.name());
            return null;
        }
        return group;
    }

    @Override
    public Optional<SubscriptionData> find(String group, String topic) {
        ConsumerGroup consumers = groups.get(group);
        return consumers == null ? Optional.empty() : consumers.subscription(topic);
    }

    /** @return whether the connection is in any consumer group */
    boolean contains(ClientChannel channel) {
        return groups.values().stream().anyMatch(group -> group.members().contains(channel));
    }

    /** @return the client ids of the group's connections, as GET_CONSUMER_LIST_BY_GROUP lists them */
    public List<String> clientIds(String group) {
        ConsumerGroup consumers = groups.get(group);
        if (consumers == null) {
            return List.of();
        }
        return consumers.members().all().stream().map(ClientRegistration::clientId).toList();
    }

    /** @return the groups with a connected consumer subscribing to the topic */
    public Set<String> groupsSubscribing(String topic) {
        Set<String> subscribers = new TreeSet<>();
        groups.forEach((name, group) -> {
            if (group.subscription(topic).isPresent()) {
                subscribers.add(name);
            }
        });
        return subscribers;
    }

    /** @return the group's connections, to tell its clients something; empty if none is connected */
    public List<ClientChannel> channels(String group) {
        ConsumerGroup consumers = groups.get(group);
        return consumers == null ? List.of() : consumers.members().channels();
    }

    /** @return the group's connections and settings, or empty if no client of it is connected */
    public Optional<ConsumerConnection> connection(String group) {
        return Optional.ofNullable(groups.get(group)).map(ConsumerGroup::toConnection);
    }

    /** @return how many (group, connection) registrations there are */
    int registrations() {
        return budget.used();
    }
}
