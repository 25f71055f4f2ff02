package io.karrier.api.flush;

/** An append could not be made durable: the force failed, or did not happen in time. */
public class FlushFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean timedOut;

    /**
     * @param message what happened
     * @param timedOut whether the append waited too long rather than the disk failing
     * @param cause the disk's error, or {@code null}
     */
    public FlushFailedException(String message, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    /** @return whether the append waited too long (RocketMQ's FLUSH_DISK_TIMEOUT) rather than the disk failing */
    public boolean timedOut() {
        return timedOut;
    }
}
