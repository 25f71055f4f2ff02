package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of DELETE_TOPIC_IN_NAMESRV (216) requests.
 *
 * @param topic the topic
 * @param clusterName the cluster to delete it from, or {@code null} for all
 */
public record DeleteTopicFromNamesrvRequestHeader(
        String topic,
        String clusterName) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public DeleteTopicFromNamesrvRequestHeader {
        Objects.requireNonNull(topic, "topic");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static DeleteTopicFromNamesrvRequestHeader from(Map<String, String> extFields) {
        return new DeleteTopicFromNamesrvRequestHeader(
                ExtFields.requiredString(extFields, "topic"),
                ExtFields.optionalString(extFields, "clusterName"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "topic", topic);
        ExtFields.put(extFields, "clusterName", clusterName);
    }
}
