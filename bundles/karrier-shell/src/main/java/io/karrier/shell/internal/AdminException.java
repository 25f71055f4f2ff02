package io.karrier.shell.internal;

/**
 * A request the shell made that did not succeed. The message is one line meant for the operator:
 * the server's response code and remark, or why the server could not be reached.
 */
public final class AdminException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The RocketMQ response code, or {@link #NO_RESPONSE} when no response came. */
    private final int code;

    /** {@link #code()} of a request that got no response at all. */
    public static final int NO_RESPONSE = -1;

    public AdminException(String message) {
        this(NO_RESPONSE, message);
    }

    public AdminException(int code, String message) {
        super(message);
        this.code = code;
    }

    /**
     * @param what the request, as the operator would name it ({@code create topic T})
     * @param code the response code
     * @param remark the response remark, or {@code null}
     * @return an exception whose message names the request, the code and the remark
     */
    static AdminException refused(String what, int code, String remark) {
        String reason = remark == null || remark.isBlank() ? "no remark" : remark.strip().replaceAll("\\s+", " ");
        return new AdminException(code, what + " failed: code " + code + ", " + reason);
    }

    /** @return the response code, or {@link #NO_RESPONSE} */
    public int code() {
        return code;
    }
}
