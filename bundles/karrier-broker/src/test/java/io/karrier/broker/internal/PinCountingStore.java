package io.karrier.broker.internal;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import io.karrier.api.store.AppendRequest;
import io.karrier.api.store.AppendResult;
import io.karrier.api.store.GetResult;
import io.karrier.api.store.MessageFilter;
import io.karrier.api.store.MessageStore;
import io.karrier.api.store.SelectedRecords;

/** A store that counts the record selections it handed out and that are not closed yet. */
public final class PinCountingStore implements MessageStore {

    private final MessageStore store;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger handedOut = new AtomicInteger();

    public PinCountingStore(MessageStore store) {
        this.store = store;
    }

    /** @return selections with records handed out and not closed */
    public int open() {
        return open.get();
    }

    /** @return selections with records handed out so far */
    public int handedOut() {
        return handedOut.get();
    }

    private SelectedRecords counted(SelectedRecords records) {
        if (records.records().isEmpty()) {
            return records;
        }
        open.incrementAndGet();
        handedOut.incrementAndGet();
        return new SelectedRecords(records.records(), () -> {
            records.close();
            open.decrementAndGet();
        });
    }

    @Override
    public GetResult get(String topic, int queueId, long offset, int maxCount, int maxBytes, MessageFilter filter) {
        GetResult result = store.get(topic, queueId, offset, maxCount, maxBytes, filter);
        return new GetResult(result.status(), counted(result.records()), result.nextBeginOffset(), result.minOffset(),
                result.maxOffset());
    }

    @Override
    public SelectedRecords readAt(long commitLogOffset) {
        return counted(store.readAt(commitLogOffset));
    }

    @Override
    public SelectedRecords queryByKey(String topic, String key, int maxCount, long beginTimestamp, long endTimestamp) {
        return counted(store.queryByKey(topic, key, maxCount, beginTimestamp, endTimestamp));
    }

    @Override
    public CompletionStage<AppendResult> append(AppendRequest request) {
        return store.append(request);
    }

    @Override
    public CompletionStage<AppendResult> appendBatch(List<AppendRequest> requests) {
        return store.appendBatch(requests);
    }

    @Override
    public long minOffset(String topic, int queueId) {
        return store.minOffset(topic, queueId);
    }

    @Override
    public long maxOffset(String topic, int queueId) {
        return store.maxOffset(topic, queueId);
    }

    @Override
    public long offsetByTimestamp(String topic, int queueId, long timestamp) {
        return store.offsetByTimestamp(topic, queueId, timestamp);
    }

    @Override
    public long earliestStoreTime(String topic, int queueId) {
        return store.earliestStoreTime(topic, queueId);
    }

    @Override
    public long commitLogMaxOffset() {
        return store.commitLogMaxOffset();
    }
}
