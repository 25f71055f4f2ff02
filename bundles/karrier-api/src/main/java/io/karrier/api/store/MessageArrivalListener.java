package io.karrier.api.store;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when messages become readable in a consume queue (whiteboard: register it as a service). The
 * broker uses it to answer held pull requests at once. Under a flush strategy that acknowledges after
 * a force, messages become readable only once flushed.
 */
@ConsumerType
public interface MessageArrivalListener {

    /**
     * Called on the store's dispatch thread, once or more per batch of messages made readable; must
     * return at once and never throw.
     *
     * @param topic the topic
     * @param queueId the queue
     * @param nextOffset the queue offset the next message will get: every offset below it is readable
     */
    void messagesArrived(String topic, int queueId, long nextOffset);
}
