package io.karrier.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.protocol.message.MessagePropertyKeys;
import io.karrier.protocol.message.MessageSysFlag;
import io.karrier.protocol.message.StoredMessageView;
import io.karrier.protocol.message.TagHashCode;
import io.karrier.store.internal.index.IndexService;
import io.karrier.store.internal.log.CommitLog;
import io.karrier.store.internal.log.RecordWalker;
import io.karrier.store.internal.queue.ConsumeQueueTable;
import io.karrier.store.internal.queue.PutResult;

/**
 * Follows the commit log and builds, for every verified record up to the visible limit, its
 * consume-queue entry and key-index entries. The limit is the written position, or the flushed one
 * when the flush strategy acknowledges only after a force, so that consumers never see a record
 * before it is as durable as its producer was told.
 *
 * <p>One thread of its own while started; before start and after stop the owner may call
 * {@link #dispatchUpTo} itself (recovery, shutdown). Prepared and rolled-back transactional records
 * get no consume-queue entry; rolled-back ones are not indexed either, as in RocketMQ.
 */
final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final int TOPIC_CACHE_SIZE = 16;
    /** TAGS for the tag code, KEYS and UNIQ_KEY for the index: all a dispatch reads of the properties. */
    private static final String[] DISPATCH_PROPERTIES = {MessagePropertyKeys.TAGS, MessagePropertyKeys.KEYS,
            MessagePropertyKeys.UNIQ_KEY};

    private final CommitLog log;
    private final ConsumeQueueTable queues;
    private final IndexService index;
    private final LongSupplier visibleLimit;
    private final ArrivalListeners arrivals;
    private volatile long dispatchedPosition;
    private volatile boolean running;
    /** Set just before the thread parks idle; only then does {@link #wake} pay for an unpark. */
    private volatile boolean sleeping;
    /** The damaged offset already logged, so a stuck dispatch says so once, not every 10 ms. */
    private long reportedDamageAt = -1;
    private Thread thread;
    // topics seen lately, filled round robin; used by the one thread dispatching at a time
    private final TopicName[] topicCache = new TopicName[TOPIC_CACHE_SIZE];
    private int nextTopicSlot;

    Dispatcher(CommitLog log, ConsumeQueueTable queues, IndexService index, LongSupplier visibleLimit,
            ArrivalListeners arrivals, long from) {
        this.log = log;
        this.queues = queues;
        this.index = index;
        this.visibleLimit = visibleLimit;
        this.arrivals = arrivals;
        this.dispatchedPosition = from;
    }

    /** @return the commit-log offset below which every record is dispatched */
    long dispatchedPosition() {
        return dispatchedPosition;
    }

    /** Sets where dispatch continues, after recovery replayed the records before it. */
    void resumeAt(long position) {
        dispatchedPosition = position;
    }

    synchronized void start() {
        running = true;
        thread = new Thread(this::run, "karrier-store-dispatch");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Asks the thread to look for new records now, if it is parked idle: an unpark is a system call,
     * too dear to pay on every append while the thread is busy anyway.
     */
    void wake() {
        Thread current = thread;
        if (current != null && sleeping) {
            LockSupport.unpark(current);
        }
    }

    /**
     * Dispatches the records between the dispatched position and the limit on the calling thread.
     *
     * @return the new dispatched position
     */
    long dispatchUpTo(long limit) {
        RecordWalker.Result result = RecordWalker.walk(log.segments(), dispatchedPosition, limit, this::dispatch);
        if (result.damaged() && result.endOffset() != reportedDamageAt) {
            reportedDamageAt = result.endOffset();
            LOG.error("Commit log damaged at {}: {}; dispatch stops there", result.endOffset(), result.problem());
        }
        dispatchedPosition = result.endOffset();
        return dispatchedPosition;
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    private void run() {
        while (running) {
            try {
                long before = dispatchedPosition;
                long limit = visibleLimit.getAsLong();
                if (before < limit && dispatchUpTo(limit) > before) {
                    continue;
                }
                sleeping = true;
                // Re-check after publishing 'sleeping': a record made visible before an appender saw
                // the flag is seen here; one made visible after it gets an unpark. (An unchanged limit
                // with records below it is a dispatch stopped at damage: that waits the idle pause.)
                if (visibleLimit.getAsLong() == limit) {
                    LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                }
                sleeping = false;
            } catch (RuntimeException e) {
                LOG.error("Dispatch failed at commit-log offset {}; retrying", dispatchedPosition, e);
                LockSupport.parkNanos(this, TimeUnit.SECONDS.toNanos(1));
            }
        }
    }

    /** Builds the consume-queue and index entries of one verified record; idempotent (recovery replays). */
    void dispatch(long offset, StoredMessageView record) {
        int transaction = MessageSysFlag.transactionType(record.sysFlag());
        try {
            String[] properties = record.properties(DISPATCH_PROPERTIES);
            String topic = topicOf(record);
            if (transaction != MessageSysFlag.TRANSACTION_PREPARED_TYPE
                    && transaction != MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
                PutResult put = queues.getOrCreate(topic, record.queueId())
                        .put(record.queueOffset(), offset, record.totalSize(), TagHashCode.of(properties[0]));
                if (put == PutResult.APPENDED) {
                    arrivals.arrived(topic, record.queueId(), record.queueOffset() + 1);
                } else if (put != PutResult.ALREADY_PRESENT) {
                    LOG.error("Consume queue {}-{} refused offset {} of record {}: {}", topic,
                            record.queueId(), record.queueOffset(), offset, put);
                }
            }
            if (transaction != MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
                index.indexRecord(topic, properties[1], properties[2], offset, record.storeTimestamp());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("dispatching record " + offset, e);
        }
    }

    /** The record's topic, decoded once per distinct topic bytes while it stays in the small cache. */
    private String topicOf(StoredMessageView record) {
        TopicName[] cache = topicCache;
        for (TopicName cached : cache) {
            if (cached == null) {
                break;
            }
            if (record.topicBytesEqual(cached.utf8())) {
                return cached.topic();
            }
        }
        TopicName added = new TopicName(record.topicBytes(), record.topic());
        int slot = nextTopicSlot;
        cache[slot] = added;
        nextTopicSlot = (slot + 1) % cache.length;
        return added.topic();
    }

    /** A topic's stored bytes and the string they decode to; immutable, so a slot is read whole. */
    private record TopicName(byte[] utf8, String topic) {
    }
}
