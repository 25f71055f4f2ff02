package io.karrier.protocol.message;

/**
 * Bytes or values that do not form a valid message: a truncated or inconsistent record, a bad
 * magic code, a topic or properties string over its limit, an undecodable body.
 *
 * <p>The message is a single sentence meant for a log line and for the remark of a RocketMQ error
 * response, so it names the field and the numbers involved and never exposes a stack trace. It is
 * unchecked because the codec is called from the store's hot paths; the broker's request
 * processors catch it at their boundary and answer with an error code.
 */
public class MalformedMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param reason what is wrong, e.g. {@code "body length 70000 exceeds the 12 bytes left in the record"}
     */
    public MalformedMessageException(String reason) {
        super(reason);
    }

    /**
     * Creates the exception with the low-level cause (for example a {@code DataFormatException}).
     *
     * @param reason what is wrong
     * @param cause  the underlying failure
     */
    public MalformedMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
