package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of UPDATE_AND_CREATE_TOPIC (17) requests.
 *
 * @param topic the topic
 * @param defaultTopic the template topic (normally {@code TBW102})
 * @param readQueueNums read queue count
 * @param writeQueueNums write queue count
 * @param perm permission bits (read 4, write 2, inherit 1)
 * @param topicFilterType {@code SINGLE_TAG} or {@code MULTI_TAG}; {@link #from} rejects other values, as
 *        upstream does
 * @param topicSysFlag topic system flag bits, or {@code null}
 * @param order whether the topic is ordered
 */
public record CreateTopicRequestHeader(
        String topic,
        String defaultTopic,
        int readQueueNums,
        int writeQueueNums,
        int perm,
        String topicFilterType,
        Integer topicSysFlag,
        boolean order) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public CreateTopicRequestHeader {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(defaultTopic, "defaultTopic");
        Objects.requireNonNull(topicFilterType, "topicFilterType");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing, a number does not parse, or
     *         {@code topicFilterType} is unknown
     */
    public static CreateTopicRequestHeader from(Map<String, String> extFields) {
        CreateTopicRequestHeader header = new CreateTopicRequestHeader(
                ExtFields.requiredString(extFields, "topic"),
                ExtFields.requiredString(extFields, "defaultTopic"),
                ExtFields.requiredInt(extFields, "readQueueNums"),
                ExtFields.requiredInt(extFields, "writeQueueNums"),
                ExtFields.requiredInt(extFields, "perm"),
                ExtFields.requiredString(extFields, "topicFilterType"),
                ExtFields.optionalInt(extFields, "topicSysFlag"),
                ExtFields.requiredBoolean(extFields, "order"));
        if (!header.topicFilterType.equals("SINGLE_TAG") && !header.topicFilterType.equals("MULTI_TAG")) {
            throw ExtFields.malformed("topicFilterType", "is not SINGLE_TAG or MULTI_TAG", header.topicFilterType);
        }
        return header;
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "topic", topic);
        ExtFields.put(extFields, "defaultTopic", defaultTopic);
        ExtFields.put(extFields, "readQueueNums", readQueueNums);
        ExtFields.put(extFields, "writeQueueNums", writeQueueNums);
        ExtFields.put(extFields, "perm", perm);
        ExtFields.put(extFields, "topicFilterType", topicFilterType);
        ExtFields.put(extFields, "topicSysFlag", topicSysFlag);
        ExtFields.put(extFields, "order", order);
    }
}
