package io.karrier.protocol.body;

/**
 * The offsets of one queue for one consumer group, in ConsumeStats.
 *
 * @param brokerOffset the queue's max offset
 * @param consumerOffset the group's committed offset
 * @param lastTimestamp store time of the last consumed message, epoch milliseconds
 */
public record OffsetWrapper(long brokerOffset, long consumerOffset, long lastTimestamp) {
}
