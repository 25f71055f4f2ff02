package io.karrier.broker.internal.client;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.LanguageCode;
import io.karrier.protocol.body.Connection;

/**
 * The producer groups of connected clients, built from heartbeats (RocketMQ's ProducerManager), for
 * admin tools and for asking a group's producers about their transactions. A connection leaves a
 * group when it unregisters, when it closes and when it sent no heartbeat for
 * {@link ClientSettings#clientExpiry}. A group exists while it has a connection.
 *
 * <p>Thread-safety: as {@link ConsumerRegistry}, a group is changed only inside
 * {@link ConcurrentHashMap#compute} on its entry; lookups read without locks.
 */
public final class ProducerRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ProducerRegistry.class);

    private final ConcurrentHashMap<String, GroupMembers> groups = new ConcurrentHashMap<>();
    private final RegistrationBudget budget;
    private final Duration expiry;
    private final Clock clock;

    ProducerRegistry(ClientSettings settings, Clock clock) {
        this.budget = new RegistrationBudget(settings.maxClientRegistrations());
        this.expiry = settings.clientExpiry();
        this.clock = clock;
    }

    /** Records that a client's heartbeat named this producer group. */
    public void register(String group, ClientChannel channel, String clientId, LanguageCode language, int version) {
        ClientRegistration client = new ClientRegistration(channel, clientId, language, version, clock.millis());
        groups.compute(group, (name, existing) -> {
            if (!channel.isActive()) {
                return existing; // closed while the heartbeat waited: channelClosed may have passed this group
            }
            if ((existing == null || !existing.contains(channel)) && !budget.tryTake()) {
                LOG.warn("Not registering producer {} in group {}: {} producer registrations, the limit", client,
                        name, budget.limit());
                return existing;
            }
            GroupMembers target = existing != null ? existing : new GroupMembers();
            if (target.put(client) == null) {
                LOG.info("Producer {} joined group {}", client, name);
            }
            return target;
        });
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
        groups.computeIfPresent(group, (name, members) -> {
            ClientRegistration client = members.remove(channel);
            if (client != null) {
                budget.release(1);
                LOG.info("Producer {} left group {}: {}", client, name, why);
            }
            return members.isEmpty() ? null : members;
        });
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
            groups.computeIfPresent(group, (name, members) -> {
                List<ClientRegistration> removed = members.removeSeenBefore(deadline);
                budget.release(removed.size());
                removed.forEach(client -> LOG.info("Producer {} left group {}: no heartbeat for {} s", client, name,
                        expiry.toSeconds()));
                expired.addAll(removed);
                return members.isEmpty() ? null : members;
            });
        }
        return expired;
    }

    /** @return whether the connection is in any producer group */
    boolean contains(ClientChannel channel) {
        return groups.values().stream().anyMatch(members -> members.contains(channel));
    }

    /** @return the group's connections as GET_PRODUCER_CONNECTION_LIST lists them, or empty if it has none */
    public Optional<Set<Connection>> connections(String group) {
        GroupMembers members = groups.get(group);
        if (members == null) {
            return Optional.empty();
        }
        Set<Connection> connections = new HashSet<>();
        members.all().forEach(client -> connections.add(client.toConnection()));
        return Optional.of(connections);
    }

    /** @return how many (group, connection) registrations there are */
    int registrations() {
        return budget.used();
    }
}
