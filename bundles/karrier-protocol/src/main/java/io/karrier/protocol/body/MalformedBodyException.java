package io.karrier.protocol.body;

/**
 * A command body that cannot be read as the expected type: not JSON, or JSON of the wrong shape.
 * The message is one line naming the type and what the parser found wrong; servers answer the
 * request with an error and keep the connection, as RocketMQ does.
 */
public class MalformedBodyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message one line: the body type and what is wrong
     * @param cause the parser's failure, or {@code null}
     */
    public MalformedBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
