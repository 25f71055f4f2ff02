package io.karrier.protocol;

import java.nio.ByteBuffer;

import io.karrier.api.remoting.RemotingCommand;

/**
 * Encodes and decodes RocketMQ remoting frames (REMOTING.md §1.1):
 *
 * <pre>
 * int32 length (bytes after this field) | int32 serializeType &lt;&lt; 24 | headerLength | header | body
 * </pre>
 *
 * The length prefix is the transport's business (a length-field frame decoder strips it), so
 * {@link #decode} takes a frame without it. Stateless and thread-safe.
 */
public final class FrameCodec {

    /** The largest header length the 24-bit field can carry. */
    public static final int MAX_HEADER_LENGTH = 0xFF_FFFF;

    private FrameCodec() {
    }

    /**
     * Decodes a frame whose length prefix is already stripped. The body is copied out, so the
     * buffer may be released afterwards; a zero-length body reads as none.
     *
     * @param frame the frame's bytes from its position to its limit; the position is not moved
     * @return the command
     * @throws MalformedFrameException if lengths, serialize type or header are invalid
     */
    public static RemotingCommand decode(ByteBuffer frame) throws MalformedFrameException {
        int length = frame.remaining();
        if (length < 4) {
            throw new MalformedFrameException("frame of " + length + " bytes has no header length");
        }
        int start = frame.position();
        int headerLengthAndType = frame.getInt(start);
        SerializeType type = SerializeType.ofHeaderField(headerLengthAndType);
        int headerLength = headerLengthAndType & MAX_HEADER_LENGTH;
        if (headerLength > length - 4) {
            throw new MalformedFrameException("header length " + headerLength + " exceeds frame length " + length);
        }
        RemotingCommand command = switch (type) {
            case JSON -> decodeJson(frame, start + 4, headerLength);
            case ROCKETMQ -> BinaryHeaderCodec.decode(frame.slice(start + 4, headerLength));
        };
        int bodyLength = length - 4 - headerLength;
        if (bodyLength > 0) {
            byte[] body = new byte[bodyLength];
            frame.get(start + 4 + headerLength, body);
            command.body(body);
        }
        return command;
    }

    /**
     * @param frame a frame without its length prefix
     * @return the serialize type of its header
     * @throws MalformedFrameException if the frame is too short or names an unknown type
     */
    public static SerializeType serializeType(ByteBuffer frame) throws MalformedFrameException {
        if (frame.remaining() < 4) {
            throw new MalformedFrameException("frame of " + frame.remaining() + " bytes has no header length");
        }
        return SerializeType.ofHeaderField(frame.getInt(frame.position()));
    }

    /**
     * @param command the command
     * @param type how to serialize its header
     * @return the header bytes, without the length fields
     */
    public static byte[] encodeHeader(RemotingCommand command, SerializeType type) {
        byte[] header = switch (type) {
            case JSON -> JsonHeaderCodec.encode(command);
            case ROCKETMQ -> BinaryHeaderCodec.encode(command);
        };
        if (header.length > MAX_HEADER_LENGTH) {
            throw new IllegalArgumentException("header of " + header.length + " bytes does not fit the frame");
        }
        return header;
    }

    /**
     * @param headerLength the header's length in bytes
     * @param type its serialize type
     * @return the frame's second int: the type in the high byte, the length below
     */
    public static int headerLengthAndType(int headerLength, SerializeType type) {
        return (type.code() << 24) | headerLength;
    }

    /**
     * Encodes a whole frame, length prefix included, into one heap buffer. Copies the body: the
     * network path writes header and body parts separately instead.
     *
     * @return a buffer positioned at 0 holding the frame
     */
    public static ByteBuffer encode(RemotingCommand command, SerializeType type) {
        byte[] header = encodeHeader(command, type);
        int bodyLength = command.bodyLength();
        ByteBuffer frame = ByteBuffer.allocate(8 + header.length + bodyLength);
        frame.putInt(4 + header.length + bodyLength).putInt(headerLengthAndType(header.length, type)).put(header);
        for (ByteBuffer part : command.bodyParts()) {
            frame.put(part);
        }
        return frame.flip();
    }

    private static RemotingCommand decodeJson(ByteBuffer frame, int offset, int length) throws MalformedFrameException {
        if (frame.hasArray()) {
            return JsonHeaderCodec.decode(frame.array(), frame.arrayOffset() + offset, length);
        }
        byte[] header = new byte[length];
        frame.get(offset, header);
        return JsonHeaderCodec.decode(header, 0, length);
    }
}
