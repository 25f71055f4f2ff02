package io.karrier.protocol.message;

/**
 * Body compression algorithms as RocketMQ names them in sysFlag bits 8..10 (REMOTING.md §2.3, §6.5).
 *
 * <p>Clients up to 4.9.3 set only the COMPRESSED bit and leave the type bits at 0, which means
 * zlib; 4.9.4 and later also write the type. Only zlib can be (de)compressed here, with
 * {@code java.util.zip}; LZ4 and ZSTD are recognised so that the error can say which one it was.
 */
public enum CompressionType {
    /** LZ4, type value 1 (sysFlag 0x100). Recognised, not supported. */
    LZ4(1),
    /** Zstandard, type value 2 (sysFlag 0x200). Recognised, not supported. */
    ZSTD(2),
    /** zlib (deflate with zlib header), type value 3 (sysFlag 0x300) or 0. */
    ZLIB(3);

    private final int typeValue;

    CompressionType(int typeValue) {
        this.typeValue = typeValue;
    }

    /**
     * The 3-bit type value, as found in sysFlag bits 8..10.
     *
     * @return 1, 2 or 3
     */
    public int typeValue() {
        return typeValue;
    }

    /**
     * The sysFlag bits that announce this type (without the COMPRESSED bit itself).
     *
     * @return 0x100, 0x200 or 0x300
     */
    public int sysFlagBits() {
        return typeValue << MessageSysFlag.COMPRESSION_TYPE_SHIFT;
    }

    /**
     * The type announced by a sysFlag. Type value 0 is zlib, as pre-4.9.4 clients meant it.
     *
     * @param sysFlag a message sysFlag
     * @return the compression type; meaningful only when the COMPRESSED bit is set
     * @throws MalformedMessageException when bits 8..10 hold a value RocketMQ does not define (4..7)
     */
    public static CompressionType fromSysFlag(int sysFlag) {
        int value = (sysFlag & MessageSysFlag.COMPRESSION_TYPE_MASK) >>> MessageSysFlag.COMPRESSION_TYPE_SHIFT;
        return switch (value) {
            case 0, 3 -> ZLIB;
            case 1 -> LZ4;
            case 2 -> ZSTD;
            default -> throw new MalformedMessageException(
                    "unknown compression type " + value + " in sysFlag 0x" + Integer.toHexString(sysFlag));
        };
    }
}
