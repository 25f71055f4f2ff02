package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of QUERY_CONSUME_TIME_SPAN (303) requests.
 *
 * @param topic the topic
 * @param group the consumer group
 */
public record QueryConsumeTimeSpanRequestHeader(
        String topic,
        String group) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public QueryConsumeTimeSpanRequestHeader {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(group, "group");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static QueryConsumeTimeSpanRequestHeader from(Map<String, String> extFields) {
        return new QueryConsumeTimeSpanRequestHeader(
                ExtFields.requiredString(extFields, "topic"),
                ExtFields.requiredString(extFields, "group"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "topic", topic);
        ExtFields.put(extFields, "group", group);
    }
}
