package io.karrier.api.remoting;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One RocketMQ remoting frame: a request, a oneway request or a response. The fields are those of
 * the wire header; custom header fields travel as strings in {@link #extFields()}.
 *
 * <p>The body is a sequence of buffers so that a response can carry slices of stored data (a pull
 * answer) without copying them; an ordinary body is a single buffer. Such a body is usually pinned
 * (it must not be unmapped while written): {@link #onRelease} names what unpins it, and the
 * remoting layer calls {@link #release()} once the command is written, fails to be written or is
 * dropped unwritten. A command is owned by one thread at a time and is not thread-safe, except
 * {@link #release()}, which may race with nothing harmful.
 */
public final class RemotingCommand {

    /** Flag bit set on responses. */
    public static final int FLAG_RESPONSE = 0x1;
    /** Flag bit set on oneway requests. */
    public static final int FLAG_ONEWAY = 0x2;

    private static final ByteBuffer[] NO_BODY = new ByteBuffer[0];

    private int code;
    private LanguageCode language = LanguageCode.JAVA;
    private int version;
    private int opaque;
    private int flag;
    private String remark;
    private Map<String, String> extFields;
    private ByteBuffer[] body = NO_BODY;
    private final AtomicReference<Runnable> release = new AtomicReference<>();

    /**
     * @param code the request code
     * @return a new request
     */
    public static RemotingCommand request(int code) {
        RemotingCommand command = new RemotingCommand();
        command.code = code;
        return command;
    }

    /**
     * @param code the response code
     * @param remark text for the caller, usually the reason of an error; may be {@code null}
     * @return a new response
     */
    public static RemotingCommand response(int code, String remark) {
        RemotingCommand command = new RemotingCommand();
        command.code = code;
        command.remark = remark;
        command.flag = FLAG_RESPONSE;
        return command;
    }

    /** @return the request code of a request, the response code of a response */
    public int code() {
        return code;
    }

    public RemotingCommand code(int code) {
        this.code = code;
        return this;
    }

    /** @return the sender's language */
    public LanguageCode language() {
        return language;
    }

    public RemotingCommand language(LanguageCode language) {
        this.language = language;
        return this;
    }

    /** @return the sender's version ordinal (RocketMQ's {@code MQVersion}; 407 is 4.9.7) */
    public int version() {
        return version;
    }

    public RemotingCommand version(int version) {
        this.version = version;
        return this;
    }

    /** @return the request id, copied into the response */
    public int opaque() {
        return opaque;
    }

    public RemotingCommand opaque(int opaque) {
        this.opaque = opaque;
        return this;
    }

    /** @return the raw flag bits */
    public int flag() {
        return flag;
    }

    public RemotingCommand flag(int flag) {
        this.flag = flag;
        return this;
    }

    /** @return whether this is a response */
    public boolean isResponse() {
        return (flag & FLAG_RESPONSE) != 0;
    }

    /** @return whether this is a request that expects no response */
    public boolean isOneway() {
        return (flag & FLAG_ONEWAY) != 0;
    }

    /** @return the remark, or {@code null} */
    public String remark() {
        return remark;
    }

    public RemotingCommand remark(String remark) {
        this.remark = remark;
        return this;
    }

    /**
     * @return the custom header fields, or {@code null} when the frame has none; the live map,
     *         not a copy
     */
    public Map<String, String> extFields() {
        return extFields;
    }

    public RemotingCommand extFields(Map<String, String> extFields) {
        this.extFields = extFields;
        return this;
    }

    /**
     * @param key a custom header field name
     * @return its value, or {@code null}
     */
    public String extField(String key) {
        return extFields == null ? null : extFields.get(key);
    }

    /**
     * Sets a custom header field; a {@code null} value removes it.
     *
     * @return this command
     */
    public RemotingCommand putExtField(String key, String value) {
        if (value == null) {
            if (extFields != null) {
                extFields.remove(key);
            }
            return this;
        }
        if (extFields == null) {
            extFields = new LinkedHashMap<>();
        }
        extFields.put(key, value);
        return this;
    }

    /** @return whether the command has a non-empty body (a zero-length body counts as none, as on the wire) */
    public boolean hasBody() {
        return bodyLength() > 0;
    }

    /** @return the body's length in bytes */
    public int bodyLength() {
        int length = 0;
        for (ByteBuffer part : body) {
            length += part.remaining();
        }
        return length;
    }

    /**
     * @return the body as one array, or {@code null} when there is none; copies unless the body is
     *         exactly one whole heap array
     */
    public byte[] bodyBytes() {
        if (body.length == 1 && body[0].hasArray() && body[0].arrayOffset() == 0 && body[0].position() == 0
                && body[0].remaining() == body[0].array().length) {
            return body[0].array();
        }
        int length = bodyLength();
        if (length == 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        int at = 0;
        for (ByteBuffer part : body) {
            int size = part.remaining();
            part.duplicate().get(bytes, at, size);
            at += size;
        }
        return bytes;
    }

    /** @return the body's parts, as independent read-only views */
    public List<ByteBuffer> bodyParts() {
        ByteBuffer[] views = new ByteBuffer[body.length];
        for (int i = 0; i < body.length; i++) {
            views[i] = body[i].asReadOnlyBuffer();
        }
        return List.of(views);
    }

    /**
     * @param bytes the body, kept without copying; {@code null} for none
     * @return this command
     */
    public RemotingCommand body(byte[] bytes) {
        this.body = bytes == null || bytes.length == 0 ? NO_BODY : new ByteBuffer[] {ByteBuffer.wrap(bytes)};
        return this;
    }

    /**
     * @param parts the body's parts in order, kept without copying (their remaining bytes count)
     * @return this command
     */
    public RemotingCommand body(List<ByteBuffer> parts) {
        this.body = parts.toArray(NO_BODY);
        return this;
    }

    /**
     * Names what to run once the command's body is no longer needed, such as releasing the stored
     * records the body is made of. Whoever takes the command to write it must call {@link #release()}
     * when the write completes or fails, or when it drops the command unwritten.
     *
     * @param action run once by {@link #release()}; replaces an earlier action not yet run
     * @return this command
     */
    public RemotingCommand onRelease(Runnable action) {
        release.set(action);
        return this;
    }

    /**
     * Runs the action given to {@link #onRelease}, at most once however often it is called and from
     * whichever threads. Call it only when the body's buffers will not be read again.
     */
    public void release() {
        Runnable action = release.getAndSet(null);
        if (action != null) {
            action.run();
        }
    }

    @Override
    public String toString() {
        return "RemotingCommand[code=" + code + ", language=" + language + ", version=" + version + ", opaque="
                + opaque + ", flag=" + flag + ", remark=" + remark + ", extFields=" + extFields + ", bodyLength="
                + bodyLength() + "]";
    }
}
