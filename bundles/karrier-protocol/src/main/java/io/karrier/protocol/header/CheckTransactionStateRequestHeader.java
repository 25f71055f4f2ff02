package io.karrier.protocol.header;

import java.util.Map;

/**
 * Header of CHECK_TRANSACTION_STATE (39), a oneway request from the broker to a producer.
 *
 * @param tranStateTableOffset the half message's queue offset
 * @param commitLogOffset the half message's commit-log offset
 * @param msgId the message's unique id, or {@code null}
 * @param transactionId the transaction id, or {@code null}
 * @param offsetMsgId the half message's offset id, or {@code null}
 * @param brokerName the target broker's name, or {@code null}; sent by 4.9.5+ clients (key {@code bname})
 */
public record CheckTransactionStateRequestHeader(
        long tranStateTableOffset,
        long commitLogOffset,
        String msgId,
        String transactionId,
        String offsetMsgId,
        String brokerName) implements CommandHeader {

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static CheckTransactionStateRequestHeader from(Map<String, String> extFields) {
        return new CheckTransactionStateRequestHeader(
                ExtFields.requiredLong(extFields, "tranStateTableOffset"),
                ExtFields.requiredLong(extFields, "commitLogOffset"),
                ExtFields.optionalString(extFields, "msgId"),
                ExtFields.optionalString(extFields, "transactionId"),
                ExtFields.optionalString(extFields, "offsetMsgId"),
                ExtFields.optionalString(extFields, "bname"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "tranStateTableOffset", tranStateTableOffset);
        ExtFields.put(extFields, "commitLogOffset", commitLogOffset);
        ExtFields.put(extFields, "msgId", msgId);
        ExtFields.put(extFields, "transactionId", transactionId);
        ExtFields.put(extFields, "offsetMsgId", offsetMsgId);
        ExtFields.put(extFields, "bname", brokerName);
    }
}
