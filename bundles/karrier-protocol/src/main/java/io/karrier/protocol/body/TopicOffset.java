package io.karrier.protocol.body;

/**
 * The offsets of one queue, in TopicStatsTable.
 *
 * @param lastUpdateTimestamp store time of the last message, epoch milliseconds (0 if none)
 * @param maxOffset the queue's max offset
 * @param minOffset the queue's min offset
 */
public record TopicOffset(long lastUpdateTimestamp, long maxOffset, long minOffset) {
}
