package io.karrier.protocol.body;

/**
 * The queues of a topic on one broker name, in a route (REMOTING.md §5.1).
 *
 * @param brokerName the broker name
 * @param readQueueNums readable queues
 * @param writeQueueNums writable queues
 * @param perm PermName bits
 * @param topicSysFlag TopicSysFlag bits
 */
public record QueueData(String brokerName, int readQueueNums, int writeQueueNums, int perm, int topicSysFlag) {
}
