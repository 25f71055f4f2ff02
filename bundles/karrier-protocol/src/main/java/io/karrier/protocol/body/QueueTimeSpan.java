package io.karrier.protocol.body;

/**
 * The store-time span of one queue and how far a group is behind, in QueryConsumeTimeSpanBody.
 * Upstream also writes human-readable {@code *Str} copies of the times; readers ignore them and so
 * are they left out here.
 *
 * @param consumeTimeStamp store time of the group's next message, epoch milliseconds
 * @param delayTime how far the group is behind, milliseconds
 * @param maxTimeStamp store time of the queue's last message
 * @param messageQueue the queue
 * @param minTimeStamp store time of the queue's first message
 */
public record QueueTimeSpan(long consumeTimeStamp, long delayTime, long maxTimeStamp, MessageQueue messageQueue,
        long minTimeStamp) {
}
