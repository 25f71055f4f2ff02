package io.karrier.protocol.header;

/**
 * A request or response header that cannot be read: a required field is missing, or a number does
 * not parse. The message names the field and the problem, e.g. {@code missing required header
 * field 'topic'} or {@code header field 'queueId' is not a 32-bit integer: 'x'}.
 *
 * <p>Unchecked, so that a request processor can read a header in one line and let one handler turn
 * any bad header into an error response (DESIGN.md §6: bad input gets an error response and a log
 * line, and the server stays up). Upstream RocketMQ only logs a missing required field and carries
 * on with {@code null}; failing early here is deliberate.
 */
public final class MalformedHeaderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field the extFields key of the offending field
     * @param message the whole message, naming the field and the problem
     */
    public MalformedHeaderException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** @return the extFields key of the field that is missing or malformed */
    public String field() {
        return field;
    }
}
