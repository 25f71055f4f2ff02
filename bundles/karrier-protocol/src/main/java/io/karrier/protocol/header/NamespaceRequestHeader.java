package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of GET_KVLIST_BY_NAMESPACE (219) requests to the name server.
 *
 * @param namespace the namespace
 */
public record NamespaceRequestHeader(
        String namespace) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public NamespaceRequestHeader {
        Objects.requireNonNull(namespace, "namespace");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static NamespaceRequestHeader from(Map<String, String> extFields) {
        return new NamespaceRequestHeader(
                ExtFields.requiredString(extFields, "namespace"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "namespace", namespace);
    }
}
