package io.karrier.api.store;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The broker's message store. Appends never block the caller: their stages complete when the flush
 * strategy in force (and, later, replication) says the messages are durable. A message is visible to
 * reads once dispatched to its consume queue, and under a strategy that acknowledges after a force,
 * only once flushed. Thread-safe.
 */
@ProviderType
public interface MessageStore {

    /**
     * @param request the message
     * @return completes with the outcome; failures are statuses, never exceptional completion
     */
    CompletionStage<AppendResult> append(AppendRequest request);

    /**
     * Appends messages of one topic and queue as consecutive records with consecutive queue
     * offsets, all or nothing.
     *
     * @param requests the messages, at least one, all of the same topic and queue
     * @return completes with the outcome
     */
    CompletionStage<AppendResult> appendBatch(List<AppendRequest> requests);

    /**
     * Reads a consume queue.
     *
     * @param topic the topic
     * @param queueId the queue
     * @param offset the queue offset to start at
     * @param maxCount at most this many messages
     * @param maxBytes at most this many bytes of records (at least one record is returned if any matches)
     * @param filter which messages to return
     * @return the result; close it after use
     */
    GetResult get(String topic, int queueId, long offset, int maxCount, int maxBytes, MessageFilter filter);

    /**
     * @param commitLogOffset where a record starts
     * @return the record, or none if no valid record starts there; close after use
     */
    SelectedRecords readAt(long commitLogOffset);

    /**
     * @param topic the topic
     * @param key a value of the KEYS property, or a unique key
     * @param maxCount at most this many records
     * @param beginTimestamp earliest store time, ms
     * @param endTimestamp latest store time, ms
     * @return candidate records (hash matches: callers compare the keys); close after use
     */
    SelectedRecords queryByKey(String topic, String key, int maxCount, long beginTimestamp, long endTimestamp);

    /** @return the first queue offset still stored, 0 for an unknown queue */
    long minOffset(String topic, int queueId);

    /** @return the queue offset the next message will get, 0 for an unknown queue */
    long maxOffset(String topic, int queueId);

    /**
     * @return the offset of the message whose store time is closest to the timestamp, as RocketMQ
     *         answers SEARCH_OFFSET_BY_TIMESTAMP
     */
    long offsetByTimestamp(String topic, int queueId, long timestamp);

    /** @return the store time of the queue's first stored message, or -1 when there is none */
    long earliestStoreTime(String topic, int queueId);

    /** @return the commit log's end: the offset the next record will get */
    long commitLogMaxOffset();
}
