package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of PUT_KV_CONFIG (100) requests to the name server.
 *
 * @param namespace the namespace
 * @param key the key
 * @param value the value
 */
public record PutKvConfigRequestHeader(
        String namespace,
        String key,
        String value) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public PutKvConfigRequestHeader {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static PutKvConfigRequestHeader from(Map<String, String> extFields) {
        return new PutKvConfigRequestHeader(
                ExtFields.requiredString(extFields, "namespace"),
                ExtFields.requiredString(extFields, "key"),
                ExtFields.requiredString(extFields, "value"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "namespace", namespace);
        ExtFields.put(extFields, "key", key);
        ExtFields.put(extFields, "value", value);
    }
}
