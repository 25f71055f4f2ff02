package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of the requests that name only a topic: DELETE_TOPIC_IN_BROKER (215),
 * GET_TOPIC_STATS_INFO (202) and QUERY_TOPIC_CONSUME_BY_WHO (300).
 *
 * @param topic the topic
 */
public record TopicRequestHeader(
        String topic) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public TopicRequestHeader {
        Objects.requireNonNull(topic, "topic");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static TopicRequestHeader from(Map<String, String> extFields) {
        return new TopicRequestHeader(
                ExtFields.requiredString(extFields, "topic"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "topic", topic);
    }
}
