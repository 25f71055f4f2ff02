package io.karrier.store.internal;

import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.store.MessageArrivalListener;

/**
 * The {@link MessageArrivalListener}s present, told by the dispatcher as messages become readable. A
 * listener that throws is logged and skipped: dispatch must go on whatever a listener does.
 */
final class ArrivalListeners {

    private static final Logger LOG = LoggerFactory.getLogger(ArrivalListeners.class);

    private final CopyOnWriteArrayList<MessageArrivalListener> listeners = new CopyOnWriteArrayList<>();

    void add(MessageArrivalListener listener) {
        listeners.add(listener);
    }

    void remove(MessageArrivalListener listener) {
        listeners.remove(listener);
    }

    void arrived(String topic, int queueId, long nextOffset) {
        for (MessageArrivalListener listener : listeners) {
            try {
                listener.messagesArrived(topic, queueId, nextOffset);
            } catch (RuntimeException e) {
                LOG.warn("Arrival listener {} failed for {}-{}", listener, topic, queueId, e);
            }
        }
    }
}
