package io.karrier.protocol.body;

/** Where a consumer group with no stored offset starts (REMOTING.md §3.3, §8.4). */
public enum ConsumeFromWhere {
    /** The queue's max offset; the default. */
    CONSUME_FROM_LAST_OFFSET,
    /** Deprecated upstream; treated as {@link #CONSUME_FROM_LAST_OFFSET}. */
    @Deprecated
    CONSUME_FROM_LAST_OFFSET_AND_FROM_MIN_WHEN_BOOT_FIRST,
    /** Deprecated upstream; treated as {@link #CONSUME_FROM_LAST_OFFSET}. */
    @Deprecated
    CONSUME_FROM_MIN_OFFSET,
    /** Deprecated upstream; treated as {@link #CONSUME_FROM_LAST_OFFSET}. */
    @Deprecated
    CONSUME_FROM_MAX_OFFSET,
    /** Offset 0. */
    CONSUME_FROM_FIRST_OFFSET,
    /** The first offset at or after the consumer's {@code consumeTimestamp}. */
    CONSUME_FROM_TIMESTAMP
}
