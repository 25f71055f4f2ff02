package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of GET_ROUTEINFO_BY_TOPIC (105) requests to the name server.
 *
 * @param topic the topic
 * @param acceptStandardJsonOnly 4.9.4+: whether the caller wants standard JSON map keys; the client leaves
 *        it {@code null}
 */
public record GetRouteInfoRequestHeader(
        String topic,
        Boolean acceptStandardJsonOnly) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public GetRouteInfoRequestHeader {
        Objects.requireNonNull(topic, "topic");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static GetRouteInfoRequestHeader from(Map<String, String> extFields) {
        return new GetRouteInfoRequestHeader(
                ExtFields.requiredString(extFields, "topic"),
                ExtFields.optionalBoolean(extFields, "acceptStandardJsonOnly"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "topic", topic);
        ExtFields.put(extFields, "acceptStandardJsonOnly", acceptStandardJsonOnly);
    }
}
