package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of GET_KV_CONFIG (101) and DELETE_KV_CONFIG (102) requests to the name server.
 *
 * @param namespace the namespace
 * @param key the key
 */
public record KvConfigRequestHeader(
        String namespace,
        String key) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public KvConfigRequestHeader {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(key, "key");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static KvConfigRequestHeader from(Map<String, String> extFields) {
        return new KvConfigRequestHeader(
                ExtFields.requiredString(extFields, "namespace"),
                ExtFields.requiredString(extFields, "key"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "namespace", namespace);
        ExtFields.put(extFields, "key", key);
    }
}
