package io.karrier.broker.internal;

import java.util.Optional;

import io.karrier.protocol.body.SubscriptionData;

/** Finds a consumer group's subscription to a topic, as its clients last reported it in a heartbeat. */
public interface SubscriptionLookup {

    /** @return the subscription of {@code group} to {@code topic}, or empty if no client of the group subscribes */
    Optional<SubscriptionData> find(String group, String topic);
}
