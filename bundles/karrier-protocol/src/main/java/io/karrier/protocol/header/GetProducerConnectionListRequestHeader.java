package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of GET_PRODUCER_CONNECTION_LIST (204) requests.
 *
 * @param producerGroup the producer group
 */
public record GetProducerConnectionListRequestHeader(
        String producerGroup) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public GetProducerConnectionListRequestHeader {
        Objects.requireNonNull(producerGroup, "producerGroup");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static GetProducerConnectionListRequestHeader from(Map<String, String> extFields) {
        return new GetProducerConnectionListRequestHeader(
                ExtFields.requiredString(extFields, "producerGroup"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "producerGroup", producerGroup);
    }
}
