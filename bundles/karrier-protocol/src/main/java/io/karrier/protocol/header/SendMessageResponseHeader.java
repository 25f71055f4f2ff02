package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of send responses (codes 10, 310, 320 and the reply sends), on SUCCESS and on the codes
 * that mean "stored, but not flushed or replicated in time".
 *
 * @param msgId the offset message id; for a batch, the ids joined with commas
 * @param queueId the queue the message went to
 * @param queueOffset its queue offset; for a batch, the first message's
 * @param transactionId the transaction id, or {@code null}
 */
public record SendMessageResponseHeader(
        String msgId,
        int queueId,
        long queueOffset,
        String transactionId) implements CommandHeader {

    /**
     * Key of an extField the broker adds beside this header: its region ({@code DefaultRegion}
     * unless configured). The client reads it from the map on every send response.
     */
    public static final String MSG_REGION = "MSG_REGION";

    /**
     * Key of an extField the broker adds beside this header: {@code true} or {@code false}, whether
     * message tracing is on. The client reads it from the map on every send response.
     */
    public static final String TRACE_ON = "TRACE_ON";

    /** Rejects {@code null} in the required fields. */
    public SendMessageResponseHeader {
        Objects.requireNonNull(msgId, "msgId");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static SendMessageResponseHeader from(Map<String, String> extFields) {
        return new SendMessageResponseHeader(
                ExtFields.requiredString(extFields, "msgId"),
                ExtFields.requiredInt(extFields, "queueId"),
                ExtFields.requiredLong(extFields, "queueOffset"),
                ExtFields.optionalString(extFields, "transactionId"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "msgId", msgId);
        ExtFields.put(extFields, "queueId", queueId);
        ExtFields.put(extFields, "queueOffset", queueOffset);
        ExtFields.put(extFields, "transactionId", transactionId);
    }
}
