package io.karrier.broker.internal.offset;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.api.store.MessageStore;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.header.MalformedHeaderException;
import io.karrier.protocol.header.OffsetResponseHeader;
import io.karrier.protocol.header.QueueRequestHeader;
import io.karrier.protocol.header.SearchOffsetRequestHeader;
import io.karrier.protocol.header.StoreTimestampResponseHeader;

/**
 * GET_MAX_OFFSET, GET_MIN_OFFSET, SEARCH_OFFSET_BY_TIMESTAMP and GET_EARLIEST_MSG_STORETIME: what the
 * store knows of one queue, answered SUCCESS as RocketMQ 4.9.7's AdminBrokerProcessor does, also for
 * topics it does not know (0, or -1 for the earliest store time).
 */
public final class QueueOffsetProcessor implements RequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(QueueOffsetProcessor.class);

    private final MessageStore store;

    public QueueOffsetProcessor(MessageStore store) {
        this.store = store;
    }

    @Override
    public CompletionStage<RemotingCommand> process(ClientChannel channel, RemotingCommand request) {
        try {
            return CompletableFuture.completedFuture(switch (request.code()) {
                case RequestCode.GET_MAX_OFFSET -> offset(queue(request, store::maxOffset));
                case RequestCode.GET_MIN_OFFSET -> offset(queue(request, store::minOffset));
                case RequestCode.SEARCH_OFFSET_BY_TIMESTAMP -> {
                    SearchOffsetRequestHeader header = SearchOffsetRequestHeader.from(request.extFields());
                    yield offset(store.offsetByTimestamp(header.topic(), header.queueId(), header.timestamp()));
                }
                case RequestCode.GET_EARLIEST_MSG_STORETIME -> new StoreTimestampResponseHeader(
                        queue(request, store::earliestStoreTime))
                        .writeTo(RemotingCommand.response(ResponseCode.SUCCESS, null));
                default -> RemotingCommand.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                        "request code " + request.code() + " not supported");
            });
        } catch (MalformedHeaderException e) {
            LOG.info("Bad queue offset request {} from {}: {}", request.code(), channel, e.getMessage());
            return CompletableFuture.completedFuture(RemotingCommand.response(ResponseCode.SYSTEM_ERROR, e.getMessage()));
        }
    }

    @FunctionalInterface
    private interface QueueQuery {
        long ask(String topic, int queueId);
    }

    private static long queue(RemotingCommand request, QueueQuery query) {
        QueueRequestHeader header = QueueRequestHeader.from(request.extFields());
        return query.ask(header.topic(), header.queueId());
    }

    private static RemotingCommand offset(long offset) {
        return new OffsetResponseHeader(offset).writeTo(RemotingCommand.response(ResponseCode.SUCCESS, null));
    }
}
