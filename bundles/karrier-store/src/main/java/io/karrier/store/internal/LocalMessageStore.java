package io.karrier.store.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.flush.FlushStrategy;
import io.karrier.api.store.AppendRequest;
import io.karrier.api.store.AppendResult;
import io.karrier.api.store.AppendStatus;
import io.karrier.api.store.GetResult;
import io.karrier.api.store.MessageFilter;
import io.karrier.api.store.MessageStore;
import io.karrier.api.store.SelectedRecords;
import io.karrier.protocol.message.MalformedMessageException;
import io.karrier.protocol.message.StorableMessage;
import io.karrier.store.internal.file.SegmentOptions;
import io.karrier.store.internal.flush.FlushStrategySwitch;
import io.karrier.store.internal.index.IndexService;
import io.karrier.store.internal.log.AppendedRecord;
import io.karrier.store.internal.log.CommitLog;
import io.karrier.store.internal.log.RecordHandle;
import io.karrier.store.internal.log.StorableMessages;
import io.karrier.store.internal.queue.ConsumeQueue;
import io.karrier.store.internal.queue.ConsumeQueueTable;
import io.karrier.store.internal.retention.DiskGuard;
import io.karrier.store.internal.retention.DiskUsage;
import io.karrier.store.internal.retention.FileStoreDiskUsage;
import io.karrier.store.internal.retention.RetentionService;
import io.karrier.store.internal.table.AbortMarker;
import io.karrier.store.internal.table.Checkpoint;

/**
 * The store: one commit log, its consume queues and key index, their dispatcher and checkpointer.
 * Opening recovers (see {@link StoreRecovery}); appends are written under one lock, handed to the
 * flush strategy in force and acknowledged when it says they are durable; reads go through the
 * consume queues and hand out pinned slices. Retention ({@link RetentionService}) deletes old segments
 * on its own thread; past the hard disk limit ({@link DiskGuard}) appends are refused at once while
 * reads go on. Thread-safe.
 */
final class LocalMessageStore implements MessageStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalMessageStore.class);
    /** Appends re-measure the disk at most this often, so a full disk is noticed, and a freed one, within a second. */
    private static final long DISK_RECHECK_MILLIS = 1000;

    private final StoreSettings settings;
    private final CommitLog log;
    private final ConsumeQueueTable queues;
    private final IndexService index;
    private final AbortMarker abortMarker;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final FlushStrategySwitch flushSwitch;
    private final QueueOffsets queueOffsets = new QueueOffsets();
    private final ArrivalListeners arrivals = new ArrivalListeners();
    private final Dispatcher dispatcher;
    private final Checkpointer checkpointer;
    private final QueueReader reader;
    private final DiskGuard diskGuard;
    private final RetentionService retention;
    private volatile boolean closed;

    private LocalMessageStore(StoreSettings settings, Clock clock, DiskUsage diskUsage) throws IOException {
        this.settings = settings;
        this.log = CommitLog.open(settings.root().resolve("commitlog"),
                new SegmentOptions(settings.commitLogSegmentBytes(), settings.preTouch(), SegmentOptions.MSYNC),
                clock::millis);
        this.queues = ConsumeQueueTable.open(settings.root().resolve("consumequeue"),
                settings.consumeQueueEntriesPerFile(), settings.preTouch());
        this.index = IndexService.open(settings.root().resolve("index"), settings.index(), clock);
        this.abortMarker = new AbortMarker(settings.root());
        this.flushSwitch = new FlushStrategySwitch(log, appendLock);
        this.dispatcher = new Dispatcher(log, queues, index, this::visibleLimit, arrivals, 0);
        Checkpoint checkpoint = new Checkpoint(settings.root().resolve("checkpoint"));
        this.checkpointer = new Checkpointer(checkpoint, log, queues, index, dispatcher, clock);
        this.reader = new QueueReader(queues, log);
        new StoreRecovery(log, queues, dispatcher, checkpoint, abortMarker).recover();
        for (ConsumeQueue queue : queues.all()) {
            queueOffsets.restore(queue.topic(), queue.queueId(), queue.maxOffset());
        }
        this.diskGuard = new DiskGuard(settings.root(), diskUsage, settings.retention().diskHardLimitPercent(),
                clock::millis, DISK_RECHECK_MILLIS);
        this.retention = new RetentionService(log, queues, index, dispatcher::dispatchedPosition, diskGuard,
                settings.retention(), clock);
        if (settings.commitLogWarmAheadBytes() > 0) {
            log.startWarming(settings.commitLogWarmAheadBytes());
        }
        dispatcher.start();
        checkpointer.start();
        retention.start();
    }

    /** Opens (and if needed recovers) the store in the settings' directory, watching that directory's disk. */
    static LocalMessageStore open(StoreSettings settings, Clock clock) throws IOException {
        Files.createDirectories(settings.root());
        return open(settings, clock, FileStoreDiskUsage.of(settings.root()));
    }

    /** Opens (and if needed recovers) the store, measuring the disk with {@code diskUsage}. */
    static LocalMessageStore open(StoreSettings settings, Clock clock, DiskUsage diskUsage) throws IOException {
        return new LocalMessageStore(settings, clock, diskUsage);
    }

    /** @return the commit-log offset below which every record is dispatched; for tests and status */
    long dispatchedPosition() {
        return dispatcher.dispatchedPosition();
    }

    /** @return the retention service, so tests can run a pass without waiting for its thread */
    RetentionService retention() {
        return retention;
    }

    FlushStrategySwitch flushSwitch() {
        return flushSwitch;
    }

    ArrivalListeners arrivals() {
        return arrivals;
    }

    @Override
    public CompletionStage<AppendResult> append(AppendRequest request) {
        return appendBatch(List.of(request));
    }

    @Override
    public CompletionStage<AppendResult> appendBatch(List<AppendRequest> requests) {
        String diskFull = diskGuard.refusal();
        if (diskFull != null) {
            return done(AppendResult.failed(AppendStatus.DISK_FULL, diskFull));
        }
        String problem = AppendValidation.problem(requests, settings.maxMessageBytes());
        if (problem != null) {
            return done(AppendResult.failed(AppendStatus.MESSAGE_ILLEGAL, problem));
        }
        List<StorableMessage> messages = new ArrayList<>(requests.size());
        try {
            requests.forEach(request -> messages.add(StorableMessages.of(request)));
        } catch (MalformedMessageException | IllegalArgumentException e) {
            return done(AppendResult.failed(AppendStatus.MESSAGE_ILLEGAL, e.getMessage()));
        }
        String topic = requests.get(0).topic();
        int queueId = requests.get(0).queueId();
        List<AppendedRecord> appended;
        CompletionStage<Void> durable;
        try {
            appendLock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return done(AppendResult.failed(AppendStatus.BUSY, "interrupted while waiting to append"));
        }
        try {
            if (closed) {
                return done(AppendResult.failed(AppendStatus.SERVICE_NOT_AVAILABLE, "the store is closed"));
            }
            FlushStrategy strategy = flushSwitch.awaitCurrent(settings.flushStrategyWait());
            if (strategy == null) {
                return done(AppendResult.failed(AppendStatus.BUSY, "no flush strategy present"));
            }
            QueueOffsets.Counter queue = queueOffsets.of(topic, queueId);
            appended = messages.size() == 1 ? List.of(log.append(messages.get(0), queue.next()))
                    : log.appendBatch(messages, queue.next());
            queue.advance(messages.size());
            durable = strategy.appended(log, appended.get(appended.size() - 1).endOffset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return done(AppendResult.failed(AppendStatus.BUSY, "interrupted while waiting for a flush strategy"));
        } catch (MalformedMessageException e) {
            return done(AppendResult.failed(AppendStatus.MESSAGE_ILLEGAL, e.getMessage()));
        } catch (IOException e) {
            LOG.error("Append to {} failed", settings.root(), e);
            return done(AppendResult.failed(AppendStatus.SERVICE_NOT_AVAILABLE, "append failed: " + e.getMessage()));
        } finally {
            appendLock.unlock();
        }
        dispatcher.wake();
        long[] offsets = new long[appended.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = appended.get(i).offset();
        }
        AppendedRecord firstRecord = appended.get(0);
        return durable.handle((ignored, failure) -> {
            dispatcher.wake();
            return failure == null
                    ? new AppendResult(AppendStatus.PUT_OK, offsets, firstRecord.queueOffset(),
                            firstRecord.storeTimestamp(), null)
                    : new AppendResult(AppendStatus.FLUSH_DISK_TIMEOUT, offsets, firstRecord.queueOffset(),
                            firstRecord.storeTimestamp(), failure.getMessage());
        });
    }

    @Override
    public GetResult get(String topic, int queueId, long offset, int maxCount, int maxBytes, MessageFilter filter) {
        return reader.get(topic, queueId, offset, maxCount, maxBytes, filter);
    }

    @Override
    public SelectedRecords readAt(long commitLogOffset) {
        RecordHandle handle = log.read(commitLogOffset);
        return handle == null ? SelectedRecords.none() : handle.toSelectedRecords();
    }

    @Override
    public SelectedRecords queryByKey(String topic, String key, int maxCount, long beginTimestamp, long endTimestamp) {
        List<RecordHandle> handles = new ArrayList<>();
        for (long offset : index.query(topic, key, maxCount, beginTimestamp, endTimestamp)) {
            RecordHandle handle = log.read(offset);
            if (handle != null) {
                handles.add(handle);
            }
        }
        List<ByteBuffer> records = handles.stream().map(RecordHandle::record).toList();
        return new SelectedRecords(records, () -> handles.forEach(RecordHandle::close));
    }

    @Override
    public long minOffset(String topic, int queueId) {
        ConsumeQueue queue = queues.find(topic, queueId);
        return queue == null ? 0 : queue.minOffset();
    }

    @Override
    public long maxOffset(String topic, int queueId) {
        ConsumeQueue queue = queues.find(topic, queueId);
        return queue == null ? 0 : queue.maxOffset();
    }

    @Override
    public long offsetByTimestamp(String topic, int queueId, long timestamp) {
        ConsumeQueue queue = queues.find(topic, queueId);
        return queue == null ? 0 : queue.offsetByTimestamp(timestamp, log::storeTimestampAt);
    }

    @Override
    public long earliestStoreTime(String topic, int queueId) {
        ConsumeQueue queue = queues.find(topic, queueId);
        if (queue == null || queue.maxOffset() <= queue.minOffset()) {
            return -1;
        }
        var first = queue.entry(queue.minOffset());
        return first == null ? -1 : log.storeTimestampAt(first.commitLogOffset());
    }

    @Override
    public long commitLogMaxOffset() {
        return log.writtenPosition();
    }

    /**
     * Closes cleanly: the flush strategy forces and completes what it accepted, every record is
     * dispatched, queues and index are forced, and the checkpoint says the shutdown was clean.
     */
    @Override
    public void close() throws IOException {
        retention.close();
        appendLock.lock();
        try {
            closed = true;
        } finally {
            appendLock.unlock();
        }
        flushSwitch.close();
        checkpointer.close();
        dispatcher.close();
        try {
            log.force();
            dispatcher.dispatchUpTo(log.writtenPosition());
            checkpointer.checkpoint(true);
            abortMarker.cleanShutdown();
            LOG.info("Store {} closed cleanly at commit-log offset {}", settings.root(), log.writtenPosition());
        } finally {
            queues.close();
            index.close();
            log.close();
        }
    }

    private long visibleLimit() {
        FlushStrategy strategy = flushSwitch.current();
        return strategy != null && strategy.acknowledgesAfterForce() ? log.flushedPosition() : log.writtenPosition();
    }

    private static CompletionStage<AppendResult> done(AppendResult result) {
        return CompletableFuture.completedFuture(result);
    }
}
