package io.karrier.protocol;

/**
 * A frame that cannot be decoded: bad lengths, an unknown serialize type, a header that does not
 * parse. The message says what is wrong in terms a peer's operator can act on; servers log it and
 * close the connection, as RocketMQ does.
 */
public class MalformedFrameException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the frame */
    public MalformedFrameException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong with the frame
     * @param cause the parser's failure
     */
    public MalformedFrameException(String message, Throwable cause) {
        super(message, cause);
    }
}
