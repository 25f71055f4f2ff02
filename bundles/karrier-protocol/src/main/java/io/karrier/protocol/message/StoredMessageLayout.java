package io.karrier.protocol.message;

/**
 * Byte layout of a stored-message record (REMOTING.md §6.1): the commit-log record, and each
 * element of a PULL_MESSAGE, QUERY_MESSAGE or VIEW_MESSAGE_BY_ID response body. Big-endian.
 *
 * <pre>
 * offset     size   field
 * 0          4      TOTALSIZE                  whole record, this field included
 * 4          4      MAGICCODE                  0xDAA320A7 (v1); 0xDAA320AB (v2, 5.x)
 * 8          4      BODYCRC                    CRC32 &amp; 0x7FFFFFFF of the stored body ({@link BodyCrc})
 * 12         4      QUEUEID
 * 16         4      FLAG                       the user's Message.flag
 * 20         8      QUEUEOFFSET                consume-queue index; assigned by the store
 * 28         8      PHYSICALOFFSET             commit-log offset of this record; assigned by the store
 * 36         4      SYSFLAG                    {@link MessageSysFlag}
 * 40         8      BORNTIMESTAMP              producer's clock, ms
 * 48         BH     BORNHOST                   8 (IPv4) or 20 (IPv6, sysFlag 0x10)
 * 48+BH      8      STORETIMESTAMP             broker's clock, ms; assigned by the store
 * 56+BH      SH     STOREHOSTADDRESS           8 or 20 (sysFlag 0x20)
 * 56+BH+SH   4      RECONSUMETIMES
 * 60+BH+SH   8      PREPAREDTRANSACTIONOFFSET  half-message offset of a commit record, else 0
 * 68+BH+SH   4+n    BODYLEN, BODY
 * ...        1+n    TOPICLEN (signed byte; int16 in v2), TOPIC (UTF-8)
 * ...        2+n    PROPLEN (int16), PROPERTIES (UTF-8, {@link MessageProperties})
 * </pre>
 *
 * <p>The end-of-segment filler is 8 bytes: TOTALSIZE = the bytes left in the segment, MAGICCODE =
 * {@link #BLANK_MAGIC}. Constants and pure functions only; thread-safe.
 */
public final class StoredMessageLayout {

    /** Magic code of a message record, the only one 4.x clients can decode (-626843481). */
    public static final int MAGIC_V1 = 0xDAA320A7;
    /** Magic code of a 5.x record whose topic length is int16 (-626843477). Read, never written. */
    public static final int MAGIC_V2 = 0xDAA320AB;
    /** Magic code of the end-of-segment filler (-875286124). */
    public static final int BLANK_MAGIC = 0xCBD43194;
    /** Size of the end-of-segment filler's header: TOTALSIZE and MAGICCODE. */
    public static final int BLANK_HEADER_SIZE = 8;

    /** Offset of TOTALSIZE. */
    public static final int TOTAL_SIZE_OFFSET = 0;
    /** Offset of MAGICCODE. */
    public static final int MAGIC_OFFSET = 4;
    /** Offset of BODYCRC. */
    public static final int BODY_CRC_OFFSET = 8;
    /** Offset of QUEUEID. */
    public static final int QUEUE_ID_OFFSET = 12;
    /** Offset of FLAG. */
    public static final int FLAG_OFFSET = 16;
    /** Offset of QUEUEOFFSET, patched by the store. */
    public static final int QUEUE_OFFSET_OFFSET = 20;
    /** Offset of PHYSICALOFFSET, patched by the store. */
    public static final int PHYSICAL_OFFSET_OFFSET = 28;
    /** Offset of SYSFLAG. */
    public static final int SYS_FLAG_OFFSET = 36;
    /** Offset of BORNTIMESTAMP. */
    public static final int BORN_TIMESTAMP_OFFSET = 40;
    /** Offset of BORNHOST. */
    public static final int BORN_HOST_OFFSET = 48;

    /** Largest topic in a v1 record: its length is a signed byte. */
    public static final int MAX_TOPIC_LENGTH = 127;
    /** Largest properties string: its length is a signed int16. */
    public static final int MAX_PROPERTIES_LENGTH = Short.MAX_VALUE;

    /** Size of a v1 record with IPv4 hosts and empty body, topic and properties. */
    public static final int MIN_RECORD_SIZE_IPV4 = 91;

    private StoredMessageLayout() {
    }

    /**
     * Offset of STORETIMESTAMP, which follows the born host.
     *
     * @param sysFlag the record's sysFlag
     * @return 56 or 68
     */
    public static int storeTimestampOffset(int sysFlag) {
        return BORN_HOST_OFFSET + MessageSysFlag.bornHostLength(sysFlag);
    }

    /**
     * Offset of STOREHOSTADDRESS.
     *
     * @param sysFlag the record's sysFlag
     * @return 64 or 76
     */
    public static int storeHostOffset(int sysFlag) {
        return storeTimestampOffset(sysFlag) + 8;
    }

    /**
     * Offset of RECONSUMETIMES.
     *
     * @param sysFlag the record's sysFlag
     * @return 72, 84 or 96
     */
    public static int reconsumeTimesOffset(int sysFlag) {
        return storeHostOffset(sysFlag) + MessageSysFlag.storeHostLength(sysFlag);
    }

    /**
     * Offset of PREPAREDTRANSACTIONOFFSET.
     *
     * @param sysFlag the record's sysFlag
     * @return reconsume-times offset + 4
     */
    public static int preparedTransactionOffsetOffset(int sysFlag) {
        return reconsumeTimesOffset(sysFlag) + 4;
    }

    /**
     * Offset of BODYLEN; the body follows it.
     *
     * @param sysFlag the record's sysFlag
     * @return 84 for IPv4 hosts, up to 108 for IPv6 ones
     */
    public static int bodyLengthOffset(int sysFlag) {
        return preparedTransactionOffsetOffset(sysFlag) + 8;
    }

    /**
     * Size of a v1 record, for the caller to check segment space before writing.
     *
     * @param sysFlag          the record's sysFlag (host v6 bits matter)
     * @param bodyLength       stored body bytes
     * @param topicLength      topic bytes (UTF-8)
     * @param propertiesLength properties bytes (UTF-8)
     * @return the TOTALSIZE the record will have
     * @throws MalformedMessageException when a length is negative or over its field's limit, or the
     *                                   record would not fit TOTALSIZE
     */
    public static int recordSize(int sysFlag, int bodyLength, int topicLength, int propertiesLength) {
        if (bodyLength < 0) {
            throw new MalformedMessageException("negative body length " + bodyLength);
        }
        if (topicLength < 1 || topicLength > MAX_TOPIC_LENGTH) {
            throw new MalformedMessageException("topic of " + topicLength + " bytes; it must have 1 to "
                    + MAX_TOPIC_LENGTH + " bytes");
        }
        if (propertiesLength < 0 || propertiesLength > MAX_PROPERTIES_LENGTH) {
            throw new MalformedMessageException("properties of " + propertiesLength + " bytes; at most "
                    + MAX_PROPERTIES_LENGTH + " allowed");
        }
        long size = (long) bodyLengthOffset(sysFlag) + 4 + bodyLength + 1 + topicLength + 2 + propertiesLength;
        if (size > Integer.MAX_VALUE) {
            throw new MalformedMessageException("record of " + size + " bytes does not fit TOTALSIZE");
        }
        return (int) size;
    }
}
