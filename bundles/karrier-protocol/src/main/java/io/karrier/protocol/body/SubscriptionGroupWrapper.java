package io.karrier.protocol.body;

import java.util.Map;

/**
 * A broker's subscription-group table with its version, the body of GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201).
 *
 * @param dataVersion the table's version; an absent one reads as counter 0, timestamp 0
 * @param subscriptionGroupTable group name to config; never {@code null}
 */
public record SubscriptionGroupWrapper(DataVersion dataVersion,
        Map<String, SubscriptionGroupConfig> subscriptionGroupTable) {

    public SubscriptionGroupWrapper {
        subscriptionGroupTable = Copies.map(subscriptionGroupTable);
        if (dataVersion == null) {
            dataVersion = new DataVersion(0, 0);
        }
    }
}
