package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of GET_TOPICS_BY_CLUSTER (224) requests to the name server.
 *
 * @param cluster the cluster name
 */
public record GetTopicsByClusterRequestHeader(
        String cluster) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public GetTopicsByClusterRequestHeader {
        Objects.requireNonNull(cluster, "cluster");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static GetTopicsByClusterRequestHeader from(Map<String, String> extFields) {
        return new GetTopicsByClusterRequestHeader(
                ExtFields.requiredString(extFields, "cluster"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "cluster", cluster);
    }
}
