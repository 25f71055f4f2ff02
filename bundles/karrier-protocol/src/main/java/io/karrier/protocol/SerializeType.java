package io.karrier.protocol;

/**
 * How a frame's header is serialized, named by the high byte of the header-length field. Servers
 * answer in the serialize type of the request (REMOTING.md §1.5).
 */
public enum SerializeType {
    /** fastjson-style JSON text: the 4.x client's default. */
    JSON(0),
    /** RocketMQ's compact binary header. */
    ROCKETMQ(1);

    private final byte code;

    SerializeType(int code) {
        this.code = (byte) code;
    }

    /** @return the type byte */
    public byte code() {
        return code;
    }

    /**
     * @param headerLengthAndType the frame's second int: type in bits 31..24, header length below
     * @return the serialize type it names
     * @throws MalformedFrameException for a type byte that is neither JSON nor ROCKETMQ
     */
    public static SerializeType ofHeaderField(int headerLengthAndType) throws MalformedFrameException {
        int code = (headerLengthAndType >>> 24) & 0xFF;
        return switch (code) {
            case 0 -> JSON;
            case 1 -> ROCKETMQ;
            default -> throw new MalformedFrameException("unknown header serialize type " + code);
        };
    }
}
