package io.karrier.protocol.message;

/**
 * The bits of a message's sysFlag (REMOTING.md §6.5), stored in every record and sent in the
 * SEND_MESSAGE header, with helpers to read and change them.
 *
 * <pre>
 * bit 0      0x1    COMPRESSED: the stored body is compressed (algorithm in bits 8..10)
 * bit 1      0x2    MULTI_TAGS: set by the broker for topics with the MULTI_TAG filter type
 * bits 2..3  0x0 / 0x4 / 0x8 / 0xC   transaction type: NOT / PREPARED / COMMIT / ROLLBACK
 * bit 4      0x10   BORNHOST_V6: the born host is IPv6 (20 bytes in the record instead of 8)
 * bit 5      0x20   STOREHOSTADDRESS_V6: the store host is IPv6
 * bit 6      0x40   NEED_UNWRAP (5.x auto-batch, unused by 4.9 clients)
 * bit 7      0x80   INNER_BATCH (same)
 * bits 8..10 0x100 / 0x200 / 0x300   compression type LZ4 / ZSTD / ZLIB (0 = zlib)
 * </pre>
 *
 * <p>Constants and pure functions only; thread-safe.
 */
public final class MessageSysFlag {

    /** The body is compressed. */
    public static final int COMPRESSED = 0x1;
    /** The tag is a multi-tag expression (broker-set). */
    public static final int MULTI_TAGS = 0x2;
    /** Not a transactional message. */
    public static final int TRANSACTION_NOT_TYPE = 0x0;
    /** A half (prepared) transactional message: stored, invisible to consumers. */
    public static final int TRANSACTION_PREPARED_TYPE = 0x4;
    /** The commit record of a transactional message. */
    public static final int TRANSACTION_COMMIT_TYPE = 0x8;
    /** The rollback record of a transactional message. */
    public static final int TRANSACTION_ROLLBACK_TYPE = 0xC;
    /** Mask of the two transaction-type bits. */
    public static final int TRANSACTION_TYPE_MASK = 0xC;
    /** The born host is IPv6. */
    public static final int BORNHOST_V6 = 0x10;
    /** The store host is IPv6. */
    public static final int STOREHOSTADDRESS_V6 = 0x20;
    /** 5.x auto-batch marker; kept so that it is recognised, never set by Karrier. */
    public static final int NEED_UNWRAP = 0x40;
    /** 5.x inner-batch marker; kept so that it is recognised, never set by Karrier. */
    public static final int INNER_BATCH = 0x80;
    /** Compression type LZ4 (bits 8..10 = 1). */
    public static final int COMPRESSION_LZ4_TYPE = 0x100;
    /** Compression type ZSTD (bits 8..10 = 2). */
    public static final int COMPRESSION_ZSTD_TYPE = 0x200;
    /** Compression type ZLIB (bits 8..10 = 3). */
    public static final int COMPRESSION_ZLIB_TYPE = 0x300;
    /** Mask of the compression-type bits 8..10. */
    public static final int COMPRESSION_TYPE_MASK = 0x700;
    /** Shift of the compression-type bits. */
    public static final int COMPRESSION_TYPE_SHIFT = 8;

    private MessageSysFlag() {
    }

    /**
     * Whether the body is compressed.
     *
     * @param sysFlag a sysFlag
     * @return true when bit 0 is set
     */
    public static boolean isCompressed(int sysFlag) {
        return (sysFlag & COMPRESSED) != 0;
    }

    /**
     * The transaction type bits.
     *
     * @param sysFlag a sysFlag
     * @return one of the {@code TRANSACTION_*_TYPE} constants
     */
    public static int transactionType(int sysFlag) {
        return sysFlag & TRANSACTION_TYPE_MASK;
    }

    /**
     * The sysFlag with its transaction type replaced, as the broker does when it turns a half
     * message into its commit or rollback record.
     *
     * @param sysFlag a sysFlag
     * @param type    one of the {@code TRANSACTION_*_TYPE} constants
     * @return the new sysFlag
     */
    public static int withTransactionType(int sysFlag, int type) {
        return (sysFlag & ~TRANSACTION_TYPE_MASK) | (type & TRANSACTION_TYPE_MASK);
    }

    /**
     * The sysFlag without the COMPRESSED bit and without the compression type.
     *
     * @param sysFlag a sysFlag
     * @return the sysFlag for an uncompressed body
     */
    public static int withoutCompression(int sysFlag) {
        return sysFlag & ~(COMPRESSED | COMPRESSION_TYPE_MASK);
    }

    /**
     * The sysFlag marking a body compressed with the given algorithm (bit 0 and bits 8..10).
     *
     * @param sysFlag a sysFlag
     * @param type    the algorithm
     * @return the new sysFlag
     */
    public static int withCompression(int sysFlag, CompressionType type) {
        return withoutCompression(sysFlag) | COMPRESSED | type.sysFlagBits();
    }

    /**
     * Whether the born host is IPv6.
     *
     * @param sysFlag a sysFlag
     * @return true when BORNHOST_V6 is set
     */
    public static boolean isBornHostV6(int sysFlag) {
        return (sysFlag & BORNHOST_V6) != 0;
    }

    /**
     * Whether the store host is IPv6.
     *
     * @param sysFlag a sysFlag
     * @return true when STOREHOSTADDRESS_V6 is set
     */
    public static boolean isStoreHostV6(int sysFlag) {
        return (sysFlag & STOREHOSTADDRESS_V6) != 0;
    }

    /**
     * Bytes the born host takes in a record: 4-byte IPv4 + port, or 16-byte IPv6 + port.
     *
     * @param sysFlag a sysFlag
     * @return 8 or 20
     */
    public static int bornHostLength(int sysFlag) {
        return isBornHostV6(sysFlag) ? HostAddress.IPV6_ENCODED_LENGTH : HostAddress.IPV4_ENCODED_LENGTH;
    }

    /**
     * Bytes the store host takes in a record.
     *
     * @param sysFlag a sysFlag
     * @return 8 or 20
     */
    public static int storeHostLength(int sysFlag) {
        return isStoreHostV6(sysFlag) ? HostAddress.IPV6_ENCODED_LENGTH : HostAddress.IPV4_ENCODED_LENGTH;
    }
}
