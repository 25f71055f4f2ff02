package io.karrier.broker.internal.query;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.ProcessorFamily;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.api.store.MessageStore;
import io.karrier.api.store.SelectedRecords;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.header.MalformedHeaderException;
import io.karrier.protocol.header.QueryMessageRequestHeader;
import io.karrier.protocol.header.QueryMessageResponseHeader;
import io.karrier.protocol.header.ViewMessageRequestHeader;
import io.karrier.protocol.message.MalformedMessageException;
import io.karrier.protocol.message.MessagePropertyKeys;
import io.karrier.protocol.message.StoredMessageDecoder;
import io.karrier.protocol.message.StoredMessageView;

/**
 * VIEW_MESSAGE_BY_ID and QUERY_MESSAGE, as RocketMQ 4.9.7's QueryMessageProcessor answers them, the
 * stored records sent as they are, without copying (pinned until written). The key index yields
 * candidates by hash; only records of the topic whose KEYS (or, for a unique-key query, UNIQ_KEY)
 * hold the key are sent, which the client would check anyway.
 *
 * <p>RocketMQ's response header tells how far the key index had got when queried; the store does
 * not say, so it carries the store time and commit-log offset of the latest candidate record the
 * query saw, which is what a client can rely on of it: the index had got at least that far.
 */
public final class QueryMessageProcessor implements RequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(QueryMessageProcessor.class);
    /** RocketMQ's defaultQueryMaxNum, which a unique-key query always gets. */
    static final int UNIQUE_KEY_QUERY_MAX = 32;
    private static final String KEY_SEPARATOR = " ";

    private final MessageStore store;

    public QueryMessageProcessor(MessageStore store) {
        this.store = store;
    }

    @Override
    public ProcessorFamily family() {
        return ProcessorFamily.QUERY;
    }

    @Override
    public CompletionStage<RemotingCommand> process(ClientChannel channel, RemotingCommand request) {
        try {
            return CompletableFuture.completedFuture(switch (request.code()) {
                case RequestCode.VIEW_MESSAGE_BY_ID -> view(ViewMessageRequestHeader.from(request.extFields()).offset());
                case RequestCode.QUERY_MESSAGE -> query(QueryMessageRequestHeader.from(request.extFields()));
                default -> RemotingCommand.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                        "request code " + request.code() + " not supported");
            });
        } catch (MalformedHeaderException e) {
            LOG.info("Bad message query {} from {}: {}", request.code(), channel, e.getMessage());
            return CompletableFuture.completedFuture(RemotingCommand.response(ResponseCode.SYSTEM_ERROR, e.getMessage()));
        }
    }

    private RemotingCommand view(long commitLogOffset) {
        SelectedRecords record = store.readAt(commitLogOffset);
        if (record.records().isEmpty()) {
            record.close();
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                    "can not find message by the offset, " + commitLogOffset);
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null).body(record.records()).onRelease(record::close);
    }

    private RemotingCommand query(QueryMessageRequestHeader header) {
        int maxNum = header.uniqueKeyQuery() ? UNIQUE_KEY_QUERY_MAX : header.maxNum();
        SelectedRecords candidates = store.queryByKey(header.topic(), header.key(), maxNum, header.beginTimestamp(),
                header.endTimestamp());
        List<ByteBuffer> matching = new ArrayList<>();
        long lastTimestamp = 0;
        long lastOffset = 0;
        for (ByteBuffer record : candidates.records()) {
            StoredMessageView message;
            try {
                message = StoredMessageDecoder.decode(record, record.position());
            } catch (MalformedMessageException e) {
                continue;
            }
            lastTimestamp = Math.max(lastTimestamp, message.storeTimestamp());
            lastOffset = Math.max(lastOffset, message.physicalOffset());
            if (message.topic().equals(header.topic()) && holdsKey(message, header)) {
                matching.add(record);
            }
        }
        QueryMessageResponseHeader progress = new QueryMessageResponseHeader(lastTimestamp, lastOffset);
        if (matching.isEmpty()) {
            candidates.close();
            return progress.writeTo(RemotingCommand.response(ResponseCode.QUERY_NOT_FOUND,
                    "can not find message, maybe time range not correct"));
        }
        return progress.writeTo(RemotingCommand.response(ResponseCode.SUCCESS, null).body(matching)
                .onRelease(candidates::close));
    }

    private static boolean holdsKey(StoredMessageView message, QueryMessageRequestHeader header) {
        if (header.uniqueKeyQuery()) {
            return header.key().equals(message.property(MessagePropertyKeys.UNIQ_KEY));
        }
        String keys = message.property(MessagePropertyKeys.KEYS);
        if (keys == null) {
            return false;
        }
        for (String key : keys.split(KEY_SEPARATOR)) {
            if (key.equals(header.key())) {
                return true;
            }
        }
        return false;
    }
}
