package io.karrier.broker.internal.offset;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.Set;

import io.karrier.api.store.DurableDocuments;
import io.karrier.broker.internal.table.ConsumerOffsetTable;

/**
 * The offsets consumer groups committed (UPDATE_CONSUMER_OFFSET, or a pull's commit-offset flag),
 * kept in memory and written by {@link #persist()}, which the broker calls periodically and at
 * close; a crash loses at most one interval of commits, so consumers re-consume a little, as with
 * RocketMQ. Names holding {@code '@'}, which RocketMQ's own rules forbid and the table's keys cannot
 * hold, are never stored. Thread-safe.
 */
public final class ConsumerOffsets {

    private final ConsumerOffsetTable table;

    private ConsumerOffsets(ConsumerOffsetTable table) {
        this.table = table;
    }

    /** Loads the committed offsets; throws if a stored copy exists but none parses. */
    public static ConsumerOffsets open(DurableDocuments documents) throws IOException {
        return new ConsumerOffsets(ConsumerOffsetTable.open(documents));
    }

    /**
     * Records that {@code group} will next consume {@code offset} in the queue.
     *
     * @return false, storing nothing, when the topic or group name cannot be stored
     */
    public boolean commit(String group, String topic, int queueId, long offset) {
        if (!storable(group, topic)) {
            return false;
        }
        table.commit(topic, group, queueId, offset);
        return true;
    }

    /** @return the group's committed offset in the queue, or empty if it never committed one */
    public OptionalLong find(String group, String topic, int queueId) {
        return storable(group, topic) ? table.offset(topic, group, queueId) : OptionalLong.empty();
    }

    /** @return the groups that committed offsets on the topic (RocketMQ's whichGroupByTopic) */
    public Set<String> groups(String topic) {
        return table.groups(topic);
    }

    /** @return the topics the group committed offsets on (RocketMQ's whichTopicByConsumer) */
    public Set<String> topics(String group) {
        return table.topics(group);
    }

    /** Forgets every offset of a deleted consumer group (DELETE_SUBSCRIPTIONGROUP with removeOffset). */
    public void removeGroup(String group) {
        table.removeGroup(group);
    }

    /** Writes the offsets if they changed since the last write. */
    public void persist() throws IOException {
        table.persist();
    }

    private static boolean storable(String group, String topic) {
        return group.indexOf('@') < 0 && topic.indexOf('@') < 0;
    }
}
