package io.karrier.api.store;

/** What a read of a consume queue found; the names are RocketMQ's, which the pull answer maps from. */
public enum GetStatus {
    /** At least one message. */
    FOUND,
    /** Entries were scanned, none matched the filter. */
    NO_MATCHED_MESSAGE,
    /** The commit log under the entries was already deleted. */
    MESSAGE_WAS_REMOVING,
    /** A gap in the consume queue at the offset. */
    OFFSET_FOUND_NULL,
    /** The offset is past the queue's max offset. */
    OFFSET_OVERFLOW_BADLY,
    /** The offset equals the max offset: nothing new yet. */
    OFFSET_OVERFLOW_ONE,
    /** The offset is below the queue's min offset. */
    OFFSET_TOO_SMALL,
    /** The topic and queue have no consume queue. */
    NO_MATCHED_LOGIC_QUEUE,
    /** The queue exists but holds no message. */
    NO_MESSAGE_IN_QUEUE
}
