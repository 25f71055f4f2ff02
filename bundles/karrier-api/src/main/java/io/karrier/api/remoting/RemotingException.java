package io.karrier.api.remoting;

/** A request that could not be completed over the network: no connection, a timeout, a send that failed. */
public class RemotingException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the request failed. */
    public enum Reason {
        /** No connection could be made to the address. */
        CONNECT_FAILED,
        /** The frame could not be written. */
        SEND_FAILED,
        /** No response arrived in time. */
        TIMEOUT,
        /** The connection closed before the response arrived. */
        CONNECTION_CLOSED
    }

    private final Reason reason;

    /**
     * @param reason why the request failed
     * @param message what happened, naming the address
     * @param cause the underlying failure, or {@code null}
     */
    public RemotingException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** @return why the request failed */
    public Reason reason() {
        return reason;
    }
}
