package io.karrier.protocol.body;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A consumer group's broker-side settings (REMOTING.md §3.3). A property missing from the JSON
 * takes RocketMQ's default, as in {@link #of(String)}.
 *
 * @param brokerId the broker id consumers pull from by default (0, the master)
 * @param consumeBroadcastEnable whether broadcasting is allowed
 * @param consumeEnable whether the group may consume
 * @param consumeFromMinEnable whether a new group may start from the min offset
 * @param groupName the consumer group
 * @param notifyConsumerIdsChangedEnable whether the broker sends NOTIFY_CONSUMER_IDS_CHANGED (40)
 * @param retryMaxTimes reconsume attempts before the dead-letter queue (16)
 * @param retryQueueNums queues of {@code %RETRY%group} (1)
 * @param whichBrokerWhenConsumeSlowly the broker id to suggest when the master is slow (1)
 */
public record SubscriptionGroupConfig(long brokerId, boolean consumeBroadcastEnable, boolean consumeEnable,
        boolean consumeFromMinEnable, String groupName, boolean notifyConsumerIdsChangedEnable,
        int retryMaxTimes, int retryQueueNums, long whichBrokerWhenConsumeSlowly) {

    /** @return the group with RocketMQ's defaults, what a broker auto-creates on a first heartbeat */
    public static SubscriptionGroupConfig of(String groupName) {
        return new SubscriptionGroupConfig(0L, true, true, true, groupName, true, 16, 1, 1L);
    }

    @JsonCreator
    static SubscriptionGroupConfig read(@JsonProperty("brokerId") Long brokerId,
            @JsonProperty("consumeBroadcastEnable") Boolean consumeBroadcastEnable,
            @JsonProperty("consumeEnable") Boolean consumeEnable,
            @JsonProperty("consumeFromMinEnable") Boolean consumeFromMinEnable,
            @JsonProperty("groupName") String groupName,
            @JsonProperty("notifyConsumerIdsChangedEnable") Boolean notifyConsumerIdsChangedEnable,
            @JsonProperty("retryMaxTimes") Integer retryMaxTimes,
            @JsonProperty("retryQueueNums") Integer retryQueueNums,
            @JsonProperty("whichBrokerWhenConsumeSlowly") Long whichBrokerWhenConsumeSlowly) {
        SubscriptionGroupConfig d = of(groupName);
        return new SubscriptionGroupConfig(
                brokerId != null ? brokerId : d.brokerId,
                consumeBroadcastEnable != null ? consumeBroadcastEnable : d.consumeBroadcastEnable,
                consumeEnable != null ? consumeEnable : d.consumeEnable,
                consumeFromMinEnable != null ? consumeFromMinEnable : d.consumeFromMinEnable,
                groupName,
                notifyConsumerIdsChangedEnable != null ? notifyConsumerIdsChangedEnable
                        : d.notifyConsumerIdsChangedEnable,
                retryMaxTimes != null ? retryMaxTimes : d.retryMaxTimes,
                retryQueueNums != null ? retryQueueNums : d.retryQueueNums,
                whichBrokerWhenConsumeSlowly != null ? whichBrokerWhenConsumeSlowly : d.whichBrokerWhenConsumeSlowly);
    }
}
