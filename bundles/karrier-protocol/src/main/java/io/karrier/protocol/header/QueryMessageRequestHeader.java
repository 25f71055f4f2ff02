package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of QUERY_MESSAGE (12) requests: messages of a topic by key within a time range.
 *
 * @param topic the topic
 * @param key the key, or the unique message id when {@code uniqueKeyQuery}
 * @param maxNum the most messages to return
 * @param beginTimestamp start of the store-time range (ms)
 * @param endTimestamp end of the store-time range (ms)
 * @param uniqueKeyQuery whether {@code key} is a unique message id; an ad-hoc extField that the client
 *        always adds; absent means {@code false} (key {@code _UNIQUE_KEY_QUERY})
 */
public record QueryMessageRequestHeader(
        String topic,
        String key,
        int maxNum,
        long beginTimestamp,
        long endTimestamp,
        boolean uniqueKeyQuery) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public QueryMessageRequestHeader {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static QueryMessageRequestHeader from(Map<String, String> extFields) {
        return new QueryMessageRequestHeader(
                ExtFields.requiredString(extFields, "topic"),
                ExtFields.requiredString(extFields, "key"),
                ExtFields.requiredInt(extFields, "maxNum"),
                ExtFields.requiredLong(extFields, "beginTimestamp"),
                ExtFields.requiredLong(extFields, "endTimestamp"),
                ExtFields.booleanOrFalse(extFields, "_UNIQUE_KEY_QUERY"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "topic", topic);
        ExtFields.put(extFields, "key", key);
        ExtFields.put(extFields, "maxNum", maxNum);
        ExtFields.put(extFields, "beginTimestamp", beginTimestamp);
        ExtFields.put(extFields, "endTimestamp", endTimestamp);
        ExtFields.put(extFields, "_UNIQUE_KEY_QUERY", uniqueKeyQuery);
    }
}
