package io.karrier.broker.internal.pull;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.store.GetResult;
import io.karrier.api.store.MessageFilter;
import io.karrier.api.store.MessageStore;
import io.karrier.broker.internal.stats.PullCounter;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.header.PullMessageRequestHeader;
import io.karrier.protocol.header.PullMessageResponseHeader;

/**
 * Reads a queue for a pull and builds the answer: the stored records as the body, without copying
 * (they stay pinned until the remoting layer has written them), and the four header fields every
 * pull answer needs. Thread-safe.
 */
final class PullReader {

    /** RocketMQ's maxTransferCountOnMessageInMemory: the most messages one pull returns. */
    static final int MAX_MESSAGES = 32;
    /** RocketMQ's maxTransferBytesOnMessageInMemory: the most record bytes past the first message. */
    static final int MAX_BYTES = 256 * 1024;
    /** Pulls are never told to go to a slave (RocketMQ's slaveReadEnable is off). */
    private static final long MASTER_ID = 0;

    private final MessageStore store;
    private final boolean master;
    private final PullCounter handedOut;

    PullReader(MessageStore store, boolean master, PullCounter handedOut) {
        this.store = store;
        this.master = master;
        this.handedOut = handedOut;
    }

    /**
     * @param header the pull
     * @param offset where to read from: the pull's offset, or for a held pull the offset up to which
     *        everything was already found not to match
     * @param filter the subscription's filter
     */
    PullResult read(PullMessageRequestHeader header, long offset, MessageFilter filter) {
        int count = Math.max(1, Math.min(header.maxMsgNums(), MAX_MESSAGES));
        GetResult result = store.get(header.topic(), header.queueId(), offset, count, MAX_BYTES, filter);
        int code = PullCodes.code(result.status(), offset, master);
        if (code == ResponseCode.SUCCESS) {
            handedOut.pulled(header.consumerGroup(), header.topic(), result.records().records().size());
        }
        long next = master || !PullCodes.correctsOffset(result.status()) ? result.nextBeginOffset() : offset;
        RemotingCommand response = RemotingCommand.response(code, result.status().name())
                .body(result.records().records())
                .onRelease(result::close);
        new PullMessageResponseHeader(MASTER_ID, next, result.minOffset(), result.maxOffset()).writeTo(response);
        return new PullResult(result.status(), next, response);
    }
}
