package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of SEND_MESSAGE (10) and SEND_REPLY_MESSAGE (324) requests, in the long (V1) field names.
 * The 4.9 client sends the same fields under short names with code 310, 320 or 325: see
 * {@link SendMessageRequestHeaderV2}.
 *
 * @param producerGroup the producer group
 * @param topic the topic, possibly namespace-prefixed ({@code ns%topic})
 * @param defaultTopic the producer's create-topic key, normally {@code TBW102}
 * @param defaultTopicQueueNums queue count for an auto-created topic
 * @param queueId the queue; below 0 lets the broker choose
 * @param sysFlag MessageSysFlag bits: compression, transaction type
 * @param bornTimestamp the client's clock in ms when it sent the message
 * @param flag the user's message flag
 * @param properties the properties string, or {@code null}
 * @param reconsumeTimes the retry count for {@code %RETRY%} topics, or {@code null}
 * @param unitMode unit mode; absent means {@code false}
 * @param batch whether the body is a batch; absent means {@code false}
 * @param maxReconsumeTimes the retry limit for {@code %RETRY%} topics, or {@code null}
 * @param brokerName the target broker's name, or {@code null}; sent by 4.9.5+ clients (key {@code bname})
 */
public record SendMessageRequestHeader(
        String producerGroup,
        String topic,
        String defaultTopic,
        int defaultTopicQueueNums,
        int queueId,
        int sysFlag,
        long bornTimestamp,
        int flag,
        String properties,
        Integer reconsumeTimes,
        boolean unitMode,
        boolean batch,
        Integer maxReconsumeTimes,
        String brokerName) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public SendMessageRequestHeader {
        Objects.requireNonNull(producerGroup, "producerGroup");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(defaultTopic, "defaultTopic");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static SendMessageRequestHeader from(Map<String, String> extFields) {
        return new SendMessageRequestHeader(
                ExtFields.requiredString(extFields, "producerGroup"),
                ExtFields.requiredString(extFields, "topic"),
                ExtFields.requiredString(extFields, "defaultTopic"),
                ExtFields.requiredInt(extFields, "defaultTopicQueueNums"),
                ExtFields.requiredInt(extFields, "queueId"),
                ExtFields.requiredInt(extFields, "sysFlag"),
                ExtFields.requiredLong(extFields, "bornTimestamp"),
                ExtFields.requiredInt(extFields, "flag"),
                ExtFields.optionalString(extFields, "properties"),
                ExtFields.optionalInt(extFields, "reconsumeTimes"),
                ExtFields.booleanOrFalse(extFields, "unitMode"),
                ExtFields.booleanOrFalse(extFields, "batch"),
                ExtFields.optionalInt(extFields, "maxReconsumeTimes"),
                ExtFields.optionalString(extFields, "bname"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "producerGroup", producerGroup);
        ExtFields.put(extFields, "topic", topic);
        ExtFields.put(extFields, "defaultTopic", defaultTopic);
        ExtFields.put(extFields, "defaultTopicQueueNums", defaultTopicQueueNums);
        ExtFields.put(extFields, "queueId", queueId);
        ExtFields.put(extFields, "sysFlag", sysFlag);
        ExtFields.put(extFields, "bornTimestamp", bornTimestamp);
        ExtFields.put(extFields, "flag", flag);
        ExtFields.put(extFields, "properties", properties);
        ExtFields.put(extFields, "reconsumeTimes", reconsumeTimes);
        ExtFields.put(extFields, "unitMode", unitMode);
        ExtFields.put(extFields, "batch", batch);
        ExtFields.put(extFields, "maxReconsumeTimes", maxReconsumeTimes);
        ExtFields.put(extFields, "bname", brokerName);
    }
}
