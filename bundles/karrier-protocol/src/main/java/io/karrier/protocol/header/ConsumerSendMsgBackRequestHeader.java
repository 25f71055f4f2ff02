package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of CONSUMER_SEND_MSG_BACK (36) requests: a consumer hands back a message it failed to
 * consume, for a later retry.
 *
 * @param offset the message's commit-log offset
 * @param group the consumer group
 * @param delayLevel the delay level; 0 lets the broker choose, below 0 sends it to the DLQ
 * @param originMsgId the message's original id, or {@code null}
 * @param originTopic the message's original topic, or {@code null}
 * @param unitMode unit mode; absent means {@code false}
 * @param maxReconsumeTimes the consumer's retry limit, or {@code null} for the group's
 * @param brokerName the target broker's name, or {@code null}; sent by 4.9.5+ clients (key {@code bname})
 */
public record ConsumerSendMsgBackRequestHeader(
        long offset,
        String group,
        int delayLevel,
        String originMsgId,
        String originTopic,
        boolean unitMode,
        Integer maxReconsumeTimes,
        String brokerName) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public ConsumerSendMsgBackRequestHeader {
        Objects.requireNonNull(group, "group");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static ConsumerSendMsgBackRequestHeader from(Map<String, String> extFields) {
        return new ConsumerSendMsgBackRequestHeader(
                ExtFields.requiredLong(extFields, "offset"),
                ExtFields.requiredString(extFields, "group"),
                ExtFields.requiredInt(extFields, "delayLevel"),
                ExtFields.optionalString(extFields, "originMsgId"),
                ExtFields.optionalString(extFields, "originTopic"),
                ExtFields.booleanOrFalse(extFields, "unitMode"),
                ExtFields.optionalInt(extFields, "maxReconsumeTimes"),
                ExtFields.optionalString(extFields, "bname"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "offset", offset);
        ExtFields.put(extFields, "group", group);
        ExtFields.put(extFields, "delayLevel", delayLevel);
        ExtFields.put(extFields, "originMsgId", originMsgId);
        ExtFields.put(extFields, "originTopic", originTopic);
        ExtFields.put(extFields, "unitMode", unitMode);
        ExtFields.put(extFields, "maxReconsumeTimes", maxReconsumeTimes);
        ExtFields.put(extFields, "bname", brokerName);
    }
}
