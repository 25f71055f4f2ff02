package io.karrier.broker.internal.client;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.protocol.body.MessageQueue;

/**
 * The queue locks of orderly consumers (RocketMQ's RebalanceLockManager): within a consumer group a
 * queue is held by at most one client id. A lock lasts {@link ClientSettings#queueLockExpiry} after
 * it was last taken; the holder renews it by locking again (clients do every 20 s), and once it has
 * expired any client of the group may take it. Locks belong to client ids, not connections, so a
 * client that reconnects keeps its queues. Expired locks are dropped by {@link #expire}, which
 * RocketMQ never does; that and {@link ClientSettings#maxQueueLocks} bound the table.
 *
 * <p>Thread-safety: every method holds the object's monitor. Lock requests come every 20 s per
 * orderly client, so one lock costs nothing and makes the check-and-take of a batch atomic.
 */
public final class QueueLocks {

    private static final Logger LOG = LoggerFactory.getLogger(QueueLocks.class);

    private record Holder(String clientId, long lockedMillis) {
    }

    private final Map<String, Map<MessageQueue, Holder>> groups = new HashMap<>(); // guarded by this
    private final long expiryMillis;
    private final int maxLocks;
    private final Clock clock;
    private int locks; // guarded by this

    QueueLocks(ClientSettings settings, Clock clock) {
        this.expiryMillis = settings.queueLockExpiry().toMillis();
        this.maxLocks = settings.maxQueueLocks();
        this.clock = clock;
    }

    /**
     * Takes or renews the locks of {@code clientId} on {@code queues}.
     *
     * @return the queues the client holds now: those it held or that were free or expired
     */
    public synchronized Set<MessageQueue> lock(String group, Set<MessageQueue> queues, String clientId) {
        long now = clock.millis();
        Map<MessageQueue, Holder> held = groups.computeIfAbsent(group, name -> new HashMap<>());
        Set<MessageQueue> granted = new HashSet<>();
        for (MessageQueue queue : queues) {
            Holder holder = held.get(queue);
            if (holder == null) {
                if (locks >= maxLocks) {
                    LOG.warn("Not locking {} for {} of group {}: {} queue locks held, the limit", queue, clientId,
                            group, maxLocks);
                    continue;
                }
                locks++;
                LOG.info("Queue {} of group {} locked by {}", queue, group, clientId);
            } else if (!holder.clientId().equals(clientId)) {
                if (!expired(holder, now)) {
                    LOG.debug("Queue {} of group {} stays locked by {}, not {}", queue, group, holder.clientId(),
                            clientId);
                    continue;
                }
                LOG.info("Queue {} of group {} locked by {}: the lock of {} expired", queue, group, clientId,
                        holder.clientId());
            }
            held.put(queue, new Holder(clientId, now));
            granted.add(queue);
        }
        if (held.isEmpty()) {
            groups.remove(group);
        }
        return granted;
    }

    /** Releases the locks {@code clientId} holds on {@code queues}; locks of other clients stay. */
    public synchronized void unlock(String group, Set<MessageQueue> queues, String clientId) {
        Map<MessageQueue, Holder> held = groups.get(group);
        if (held == null) {
            return;
        }
        for (MessageQueue queue : queues) {
            Holder holder = held.get(queue);
            if (holder != null && holder.clientId().equals(clientId)) {
                held.remove(queue);
                locks--;
                LOG.info("Queue {} of group {} unlocked by {}", queue, group, clientId);
            } else if (holder != null) {
                LOG.warn("Queue {} of group {} not unlocked for {}: {} holds it", queue, group, clientId,
                        holder.clientId());
            }
        }
        if (held.isEmpty()) {
            groups.remove(group);
        }
    }

    /** Drops expired locks; returns how many. */
    synchronized int expire() {
        long now = clock.millis();
        int dropped = 0;
        for (Iterator<Map<MessageQueue, Holder>> group = groups.values().iterator(); group.hasNext();) {
            Map<MessageQueue, Holder> held = group.next();
            int before = held.size();
            held.values().removeIf(holder -> expired(holder, now));
            dropped += before - held.size();
            if (held.isEmpty()) {
                group.remove();
            }
        }
        locks -= dropped;
        return dropped;
    }

    private boolean expired(Holder holder, long now) {
        return now - holder.lockedMillis() > expiryMillis;
    }
}
