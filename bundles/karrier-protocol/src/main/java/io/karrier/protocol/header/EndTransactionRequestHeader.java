package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of END_TRANSACTION (37) oneway requests: commit or roll back a prepared message.
 *
 * @param producerGroup the producer group
 * @param tranStateTableOffset the half message's queue offset
 * @param commitLogOffset the half message's commit-log offset
 * @param commitOrRollback MessageSysFlag transaction type: {@value #COMMIT}, {@value #ROLLBACK} or
 *        {@value #NOT_TYPE} (state unknown); {@link #from} rejects other values, as upstream does
 * @param fromTransactionCheck whether this answers a check-back; absent means {@code false}
 * @param msgId the message's unique id
 * @param transactionId the transaction id, or {@code null}
 * @param brokerName the target broker's name, or {@code null}; sent by 4.9.5+ clients (key {@code bname})
 */
public record EndTransactionRequestHeader(
        String producerGroup,
        long tranStateTableOffset,
        long commitLogOffset,
        int commitOrRollback,
        boolean fromTransactionCheck,
        String msgId,
        String transactionId,
        String brokerName) implements CommandHeader {

    /** {@code commitOrRollback}: the producer does not know the outcome yet. */
    public static final int NOT_TYPE = 0;
    /** {@code commitOrRollback}: commit the half message. */
    public static final int COMMIT = 8;
    /** {@code commitOrRollback}: roll the half message back. */
    public static final int ROLLBACK = 12;

    /** Rejects {@code null} in the required fields. */
    public EndTransactionRequestHeader {
        Objects.requireNonNull(producerGroup, "producerGroup");
        Objects.requireNonNull(msgId, "msgId");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing, a number does not parse, or
     *         {@code commitOrRollback} is not a transaction type
     */
    public static EndTransactionRequestHeader from(Map<String, String> extFields) {
        EndTransactionRequestHeader header = new EndTransactionRequestHeader(
                ExtFields.requiredString(extFields, "producerGroup"),
                ExtFields.requiredLong(extFields, "tranStateTableOffset"),
                ExtFields.requiredLong(extFields, "commitLogOffset"),
                ExtFields.requiredInt(extFields, "commitOrRollback"),
                ExtFields.booleanOrFalse(extFields, "fromTransactionCheck"),
                ExtFields.requiredString(extFields, "msgId"),
                ExtFields.optionalString(extFields, "transactionId"),
                ExtFields.optionalString(extFields, "bname"));
        int type = header.commitOrRollback;
        if (type != NOT_TYPE && type != COMMIT && type != ROLLBACK) {
            throw ExtFields.malformed("commitOrRollback", "is not one of 0, 8, 12", Integer.toString(type));
        }
        return header;
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "producerGroup", producerGroup);
        ExtFields.put(extFields, "tranStateTableOffset", tranStateTableOffset);
        ExtFields.put(extFields, "commitLogOffset", commitLogOffset);
        ExtFields.put(extFields, "commitOrRollback", commitOrRollback);
        ExtFields.put(extFields, "fromTransactionCheck", fromTransactionCheck);
        ExtFields.put(extFields, "msgId", msgId);
        ExtFields.put(extFields, "transactionId", transactionId);
        ExtFields.put(extFields, "bname", brokerName);
    }
}
