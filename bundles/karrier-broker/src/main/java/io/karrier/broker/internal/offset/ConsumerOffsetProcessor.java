package io.karrier.broker.internal.offset;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.api.store.GetResult;
import io.karrier.api.store.GetStatus;
import io.karrier.api.store.MessageFilter;
import io.karrier.api.store.MessageStore;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.header.MalformedHeaderException;
import io.karrier.protocol.header.OffsetResponseHeader;
import io.karrier.protocol.header.QueryConsumerOffsetRequestHeader;
import io.karrier.protocol.header.UpdateConsumerOffsetRequestHeader;
import io.karrier.protocol.message.StoredMessageLayout;

/**
 * QUERY_CONSUMER_OFFSET and UPDATE_CONSUMER_OFFSET, as RocketMQ 4.9.7's ConsumerManageProcessor
 * answers them. A group with no committed offset gets 0 when the queue still starts at offset 0 and
 * its first message is still in memory, as RocketMQ decides, so that a new group on a young topic
 * reads it from the start whatever its consume-from-where; otherwise QUERY_NOT_FOUND, and the client
 * picks its start offset itself.
 */
public final class ConsumerOffsetProcessor implements RequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerOffsetProcessor.class);

    private final ConsumerOffsets offsets;
    private final MessageStore store;
    private final MemoryWindow memory;

    public ConsumerOffsetProcessor(ConsumerOffsets offsets, MessageStore store, MemoryWindow memory) {
        this.offsets = offsets;
        this.store = store;
        this.memory = memory;
    }

    @Override
    public CompletionStage<RemotingCommand> process(ClientChannel channel, RemotingCommand request) {
        try {
            return CompletableFuture.completedFuture(switch (request.code()) {
                case RequestCode.QUERY_CONSUMER_OFFSET -> query(QueryConsumerOffsetRequestHeader.from(request.extFields()));
                case RequestCode.UPDATE_CONSUMER_OFFSET -> update(UpdateConsumerOffsetRequestHeader.from(request.extFields()));
                default -> RemotingCommand.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                        "request code " + request.code() + " not supported");
            });
        } catch (MalformedHeaderException e) {
            LOG.info("Bad consumer offset request {} from {}: {}", request.code(), channel, e.getMessage());
            return CompletableFuture.completedFuture(RemotingCommand.response(ResponseCode.SYSTEM_ERROR, e.getMessage()));
        }
    }

    private RemotingCommand query(QueryConsumerOffsetRequestHeader header) {
        OptionalLong committed = offsets.find(header.consumerGroup(), header.topic(), header.queueId());
        if (committed.isPresent()) {
            return success(committed.getAsLong());
        }
        if (store.minOffset(header.topic(), header.queueId()) <= 0
                && !firstMessageOnDiskOnly(header.topic(), header.queueId())) {
            return success(0);
        }
        return RemotingCommand.response(ResponseCode.QUERY_NOT_FOUND,
                "Not found, V3_0_6_SNAPSHOT maybe this group consumer boot first");
    }

    // RocketMQ looks at the consume-queue entry at offset 0; a queue without one counts as in memory.
    private boolean firstMessageOnDiskOnly(String topic, int queueId) {
        try (GetResult first = store.get(topic, queueId, 0, 1, Integer.MAX_VALUE, MessageFilter.ALL)) {
            if (first.status() == GetStatus.MESSAGE_WAS_REMOVING) {
                return true;
            }
            if (first.status() != GetStatus.FOUND) {
                return false;
            }
            long offset = first.records().records().get(0).getLong(StoredMessageLayout.PHYSICAL_OFFSET_OFFSET);
            return memory.onDiskOnly(offset, store.commitLogMaxOffset());
        }
    }

    private RemotingCommand update(UpdateConsumerOffsetRequestHeader header) {
        if (!offsets.commit(header.consumerGroup(), header.topic(), header.queueId(), header.commitOffset())) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                    "topic or group name holds '@': " + header.topic() + ", " + header.consumerGroup());
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    private static RemotingCommand success(long offset) {
        return new OffsetResponseHeader(offset).writeTo(RemotingCommand.response(ResponseCode.SUCCESS, null));
    }
}
