package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of PULL_MESSAGE (11) requests: which queue to read, from where and how much, and whether
 * the broker may hold the request (long polling).
 *
 * @param consumerGroup the consumer group
 * @param topic the topic
 * @param queueId the queue to read
 * @param queueOffset the consume-queue offset to read from
 * @param maxMsgNums the most messages to return
 * @param sysFlag PullSysFlag bits: commit offset, suspend, subscription, class filter, lite pull
 * @param commitOffset the consumer's offset to commit along with the pull
 * @param suspendTimeoutMillis how long the broker may hold the request when nothing is there
 * @param subscription the subscription expression, or {@code null}
 * @param subVersion the subscription's version (a timestamp)
 * @param expressionType {@code TAG} or {@code SQL92}, or {@code null}
 * @param brokerName the target broker's name, or {@code null}; sent by 4.9.5+ clients (key {@code bname})
 */
public record PullMessageRequestHeader(
        String consumerGroup,
        String topic,
        int queueId,
        long queueOffset,
        int maxMsgNums,
        int sysFlag,
        long commitOffset,
        long suspendTimeoutMillis,
        String subscription,
        long subVersion,
        String expressionType,
        String brokerName) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public PullMessageRequestHeader {
        Objects.requireNonNull(consumerGroup, "consumerGroup");
        Objects.requireNonNull(topic, "topic");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static PullMessageRequestHeader from(Map<String, String> extFields) {
        return new PullMessageRequestHeader(
                ExtFields.requiredString(extFields, "consumerGroup"),
                ExtFields.requiredString(extFields, "topic"),
                ExtFields.requiredInt(extFields, "queueId"),
                ExtFields.requiredLong(extFields, "queueOffset"),
                ExtFields.requiredInt(extFields, "maxMsgNums"),
                ExtFields.requiredInt(extFields, "sysFlag"),
                ExtFields.requiredLong(extFields, "commitOffset"),
                ExtFields.requiredLong(extFields, "suspendTimeoutMillis"),
                ExtFields.optionalString(extFields, "subscription"),
                ExtFields.requiredLong(extFields, "subVersion"),
                ExtFields.optionalString(extFields, "expressionType"),
                ExtFields.optionalString(extFields, "bname"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "consumerGroup", consumerGroup);
        ExtFields.put(extFields, "topic", topic);
        ExtFields.put(extFields, "queueId", queueId);
        ExtFields.put(extFields, "queueOffset", queueOffset);
        ExtFields.put(extFields, "maxMsgNums", maxMsgNums);
        ExtFields.put(extFields, "sysFlag", sysFlag);
        ExtFields.put(extFields, "commitOffset", commitOffset);
        ExtFields.put(extFields, "suspendTimeoutMillis", suspendTimeoutMillis);
        ExtFields.put(extFields, "subscription", subscription);
        ExtFields.put(extFields, "subVersion", subVersion);
        ExtFields.put(extFields, "expressionType", expressionType);
        ExtFields.put(extFields, "bname", brokerName);
    }
}
