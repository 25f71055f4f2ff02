package io.karrier.broker.internal.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import io.karrier.api.remoting.ClientChannel;

/**
 * The connections of one producer or consumer group, by connection. A connection is in a group once,
 * whatever client id it reports. Thread-safety: changed by one thread at a time (its registry
 * changes a group only inside {@link ConcurrentHashMap#compute} on the group's entry), read from any.
 */
final class GroupMembers {

    private final ConcurrentHashMap<ClientChannel, ClientRegistration> members = new ConcurrentHashMap<>();

    boolean contains(ClientChannel channel) {
        return members.containsKey(channel);
    }

    /** @return the registration it replaces, or {@code null} if the connection is new to the group */
    ClientRegistration put(ClientRegistration registration) {
        return members.put(registration.channel(), registration);
    }

    /** @return the removed registration, or {@code null} if the connection was not in the group */
    ClientRegistration remove(ClientChannel channel) {
        return members.remove(channel);
    }

    /** Removes and returns every registration last seen before {@code deadlineMillis}. */
    List<ClientRegistration> removeSeenBefore(long deadlineMillis) {
        List<ClientRegistration> expired = new ArrayList<>();
        members.values().removeIf(registration -> {
            if (registration.lastSeenMillis() < deadlineMillis) {
                expired.add(registration);
                return true;
            }
            return false;
        });
        return expired;
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    Collection<ClientRegistration> all() {
        return members.values();
    }

    /** @return a copy of the group's connections */
    List<ClientChannel> channels() {
        return new ArrayList<>(members.keySet());
    }
}
